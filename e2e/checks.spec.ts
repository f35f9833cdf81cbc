import { expect, test } from '@playwright/test';

test('the checks catalogue lists every check and filters by framework', async ({ page }) => {
  await page.goto('/checks');
  await expect(page.getByRole('heading', { level: 1, name: 'Checks' })).toBeVisible();
  const count = page.getByText(/^\d+ of \d+ checks$/);
  await expect(count).toBeVisible();
  const [shown, total] = ((await count.textContent()) ?? '').match(/\d+/g)!.map(Number);
  expect(shown).toBe(total);
  await page.getByRole('search', { name: 'Filter checks' }).getByLabel('Severity').selectOption('critical');
  await expect(page.locator('[data-check-id]').first()).toContainText('critical', { ignoreCase: true });
  await page.getByRole('search', { name: 'Filter checks' }).getByLabel('Search').fill('apiserver-anonymous-auth');
  await page.getByRole('search', { name: 'Filter checks' }).getByLabel('Severity').selectOption('');
  await expect(page.locator('[data-check-id="apiserver-anonymous-auth"]')).toBeVisible();
});
