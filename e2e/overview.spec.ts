/**
 * The overview against the real local clusters (KUBECONFIG = .cluster/e2e.kubeconfig, current
 * context kp-weak): the diagram, its status overlay, drill-down by mouse and keyboard, filters,
 * context switching, partial data and unreachable clusters.
 */
import { expect, test } from '@playwright/test';
import { ComponentPage } from './pages/component-page';
import { OverviewPage } from './pages/overview-page';

test.describe('overview of kp-weak', () => {
  test('draws the control plane, the nodes and the add-ons', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto();
    await overview.waitForDiagram();
    await expect(page.getByRole('heading', { level: 1, name: 'kp-weak' })).toBeVisible();

    for (const name of ['kube-apiserver cp-1', 'etcd cp-1', 'kube-scheduler cp-1', 'kube-controller-manager cp-1']) {
      await expect(overview.component(name)).toBeVisible();
    }
    await expect(overview.diagram.getByRole('button', { name: /^node / })).toHaveCount(4);
    for (const node of ['cp-1', 'worker-1', 'worker-2', 'worker-3']) {
      await expect(overview.component(`kubelet on ${node}`)).toBeVisible();
      await expect(overview.component(`kube-proxy on ${node}`)).toBeVisible();
    }
    await expect(overview.component('coredns')).toBeVisible();
    await expect(overview.component('kubernetes-dashboard')).toBeVisible();
  });

  test('shows the API server failing, in words and not only in colour', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto('kp-weak');
    await overview.waitForDiagram();
    const api = overview.component('kube-apiserver cp-1');
    await expect(api).toHaveAttribute('aria-label', /^kube-apiserver cp-1: \d+ failing findings?, .*worst critical/);
    await expect(api).toHaveAttribute('data-health', 'critical');
    await expect(page.getByTestId('cluster-score')).toHaveText(/^\d+$/);
  });

  test('a click opens the drill-down with the anonymous-auth finding and its evidence', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto('kp-weak');
    await overview.waitForDiagram();
    await overview.component('kube-apiserver cp-1').click();
    await expect(overview.panel).toBeVisible();
    await expect(overview.panel.getByRole('heading', { level: 2, name: 'kube-apiserver cp-1' })).toBeVisible();
    const finding = ComponentPage.finding(overview.panel, 'apiserver-anonymous-auth');
    await expect(finding).toBeVisible();
    await expect(finding).toContainText('--anonymous-auth=false');
    await expect(finding).toContainText('--anonymous-auth=true');
    await expect(finding).toContainText('Pod kube-system/kube-apiserver-cp-1');
    await expect(page).toHaveURL(/component=control-plane%2Fkube-apiserver%2Fcp-1/);
  });

  test('the keyboard reaches a component, Enter opens it and Escape closes it', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto('kp-weak');
    await overview.waitForDiagram();
    // One box is in the tab order; arrows move between boxes.
    const first = overview.diagram.locator('[data-box-id][tabindex="0"]');
    await expect(first).toHaveCount(1);
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await expect(overview.component('kube-apiserver cp-1')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(overview.panel).toBeVisible();
    await expect(ComponentPage.finding(overview.panel, 'apiserver-anonymous-auth')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(overview.panel).toBeHidden();
    await expect(overview.component('kube-apiserver cp-1')).toBeFocused();
  });

  test('an area filter dims the components it does not concern', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto('kp-weak');
    await overview.waitForDiagram();
    await expect(overview.diagram.locator('[data-dimmed="true"]')).toHaveCount(0);
    await overview.filterArea('TLS on all API traffic');
    await expect(overview.component('kube-apiserver cp-1')).not.toHaveAttribute('data-dimmed', 'true');
    await expect(overview.component('metrics-server')).toHaveAttribute('data-dimmed', 'true');
    await expect(overview.component('coredns')).toHaveAttribute('data-dimmed', 'true');
    await expect(page.getByText(/\d+ of \d+ components match/)).toBeVisible();
  });

  test('plays pod creation hop by hop with each hop’s protection', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto('kp-weak');
    await overview.waitForDiagram();
    await page.getByRole('button', { name: 'Play pod creation' }).click();
    const walkthrough = page.getByRole('region', { name: 'Pod creation walkthrough' });
    await expect(walkthrough).toContainText('Step 1 of 7');
    await expect(walkthrough).toContainText('Anonymous requests to the API server are rejected');
    await walkthrough.getByRole('button', { name: 'Pause' }).click();
    await walkthrough.getByRole('button', { name: 'Next' }).click();
    await expect(walkthrough).toContainText('Step 2 of 7');
    await expect(walkthrough).toContainText('no TLS (plaintext)');
  });

  test('rescans with a progress bar and a fresh "last scanned"', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.goto('kp-weak');
    await overview.waitForDiagram();
    await overview.rescan.click();
    // The scan of a small cluster can finish before the bar is seen; either state is correct.
    await expect(page.getByRole('progressbar', { name: 'Scan progress' }).or(page.getByText(/Last scanned just now/)).first()).toBeVisible();
    await expect(page.getByText(/Last scanned just now/)).toBeVisible({ timeout: 45_000 });
    await expect(overview.rescan).toBeEnabled();
  });
});

test('switching to kp-hardened turns the API server healthy', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto('kp-weak');
  await overview.waitForDiagram();
  await overview.switchContext('kp-hardened');
  await expect(page.getByRole('heading', { level: 1, name: 'kp-hardened' })).toBeVisible();
  await overview.waitForDiagram();
  const api = overview.component('kube-apiserver cp-1');
  await expect(api).not.toHaveAttribute('aria-label', /worst (critical|high)/);
  await expect(api).not.toHaveAttribute('data-health', 'critical');
  await expect(overview.component('etcd cp-1')).not.toHaveAttribute('data-health', /critical|failing/);
  const score = Number(await page.getByTestId('cluster-score').textContent());
  expect(score).toBeGreaterThanOrEqual(80);
});

test('a managed cluster shows one provider block for the control plane', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto('kp-managed');
  await overview.waitForDiagram();
  await expect(overview.component('EKS control plane')).toBeVisible();
  await expect(page.getByText('Managed by EKS')).toBeVisible();
});

test('kp-weak-restricted says what it could not read', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto('kp-weak-restricted');
  await expect(overview.partialData).toBeVisible({ timeout: 45_000 });
  await expect(overview.partialData).toContainText(/Your identity cannot list \w+: \d+ checks? (are|is) unknown/);
  // Namespaced kinds fell back to the context's namespace: the banner says the list is partial, not empty.
  await expect(overview.partialData).toContainText(/cannot list Pods in all namespaces \(read only team-a\)/);
});

test('kp-unreachable shows what happened and what to do next', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto('kp-unreachable');
  await expect(overview.error).toBeVisible({ timeout: 45_000 });
  await expect(overview.error).toHaveAttribute('data-error-code', 'unreachable');
  await expect(overview.error).toContainText('The cluster could not be reached');
  await expect(overview.error).toContainText('What to do next');
  await expect(overview.error.getByRole('button', { name: 'Try again' })).toBeVisible();
});
