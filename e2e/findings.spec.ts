import { expect, test } from '@playwright/test';
import { FindingsPage } from './pages/findings-page';

test('the findings table filters, sorts and groups the real findings', async ({ page }) => {
  const findings = new FindingsPage(page);
  await findings.goto('kp-weak');
  await expect(findings.rows().first()).toBeVisible();
  // Worst first by default.
  await expect(findings.rows().first()).toContainText('critical', { ignoreCase: true });

  await findings.filter('Severity', 'high');
  await expect(findings.rows().first()).toBeVisible();
  const severities = await findings.rows().locator('[role="cell"]').first().allTextContents();
  expect(severities.every((s) => s.toLowerCase() === 'high')).toBe(true);
  await expect(page).toHaveURL(/severity=high/);

  await findings.filter('Group by', 'check');
  const group = findings.table.getByRole('button', { expanded: true }).first();
  await expect(group).toBeVisible();
  await group.click();
  await expect(findings.table.getByRole('button', { expanded: false }).first()).toBeVisible();

  // A row opens the finding with its evidence.
  await findings.filter('Group by', 'none');
  await findings.rows().first().getByRole('button').first().click();
  await expect(page.getByRole('complementary', { name: 'Finding details' })).toContainText('Expected');
});

test('a finding can be waived from the findings page, with a reason, an author and an expiry', async ({ page, request }) => {
  // Start from a fresh scan without waivers (other tests waive and unwaive this check too).
  const { scanId } = (await (await request.post('/api/clusters/kp-weak/scans?force=1')).json()) as { scanId: string };
  await expect.poll(async () => ((await (await request.get(`/api/scans/${scanId}`)).json()) as { status: string }).status, { timeout: 60_000 }).toBe('done');
  await page.goto('/clusters/kp-weak/findings?check=apiserver-profiling&group=none&status=open');
  await page.getByRole('button', { name: /^Waive: / }).first().click();
  const drawer = page.getByRole('complementary', { name: 'Finding details' });
  await drawer.getByLabel('Reason').fill('profiling is needed while we chase a memory leak');
  await drawer.getByLabel('Accepted by').fill('e2e-reviewer');
  await drawer.getByLabel('For (days)').fill('7');
  await drawer.getByRole('button', { name: 'Waive' }).click();
  await expect(drawer.getByRole('status')).toContainText('Waived for 7 days');
  const list = (await (await request.get('/api/waivers?context=kp-weak')).json()) as { waivers: { checkId: string; reason: string; author: string; target: { componentId: string; object?: string } }[] };
  const w = list.waivers.find((x) => x.checkId === 'apiserver-profiling');
  expect(w?.reason).toBe('profiling is needed while we chase a memory leak');
  expect(w?.author).toBe('e2e-reviewer');
  const key = new URLSearchParams({ context: 'kp-weak', checkId: 'apiserver-profiling', componentId: w?.target.componentId ?? '', ...(w?.target.object ? { object: w.target.object } : {}) });
  expect((await request.delete(`/api/waivers?${key}`)).status()).toBe(200);
});

test('the overview links into the findings for one severity', async ({ page }) => {
  const findings = new FindingsPage(page);
  await findings.goto('kp-weak', '?severity=critical&status=open');
  await expect(findings.filters.getByLabel('Severity', { exact: true })).toHaveValue('critical');
  await expect(findings.rows().first()).toContainText('critical', { ignoreCase: true });
});
