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

  // A row opens the finding with its evidence; waivers wait for the snapshot store.
  await findings.filter('Group by', 'none');
  await findings.rows().first().getByRole('button').first().click();
  await expect(page.getByRole('complementary', { name: 'Finding details' })).toContainText('Expected');
  await expect(findings.rows().first().getByRole('button', { name: /Waive/ })).toBeDisabled();
});

test('the overview links into the findings for one severity', async ({ page }) => {
  const findings = new FindingsPage(page);
  await findings.goto('kp-weak', '?severity=critical&status=open');
  await expect(findings.filters.getByLabel('Severity', { exact: true })).toHaveValue('critical');
  await expect(findings.rows().first()).toContainText('critical', { ignoreCase: true });
});
