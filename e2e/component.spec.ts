import { expect, test } from '@playwright/test';
import { ComponentPage } from './pages/component-page';

test('the API server drill-down is deep-linkable and lists evidence, flags and the role', async ({ page }) => {
  const c = new ComponentPage(page);
  await c.goto('kp-weak', 'control-plane/kube-apiserver/cp-1');
  await expect(c.heading).toHaveText('kube-apiserver cp-1');
  const finding = ComponentPage.finding(page.locator('main'), 'apiserver-anonymous-auth');
  await expect(finding).toContainText('--anonymous-auth=true');
  await expect(page.getByRole('region', { name: 'What it is' })).toContainText('If it is weak');
  await expect(page.getByRole('table', { name: 'Command-line flags' })).toContainText('--anonymous-auth');
});

test('a node drill-down shows node info, its parts and the workloads on it', async ({ page }) => {
  const c = new ComponentPage(page);
  await c.goto('kp-weak', 'node/worker-1');
  await expect(c.heading).toHaveText('node worker-1');
  await expect(page.getByRole('region', { name: 'Node info' })).toContainText('containerd');
  await expect(page.getByRole('region', { name: 'Runs on this node' })).toContainText('kubelet');
  await expect(page.getByRole('region', { name: /Workloads on this node/ })).toBeVisible();
});

test('the controller manager drill-down names its controllers', async ({ page }) => {
  const c = new ComponentPage(page);
  await c.goto('kp-weak', 'control-plane/kube-controller-manager/cp-1');
  await expect(page.getByRole('region', { name: 'What it is' })).toContainText('Controllers');
});
