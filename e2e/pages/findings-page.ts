import { type Locator, type Page, expect } from '@playwright/test';

/** The virtualized findings table and its filters. */
export class FindingsPage {
  readonly page: Page;
  readonly table: Locator;
  readonly filters: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByTestId('findings-table');
    this.filters = page.getByRole('search', { name: 'Filter findings' });
  }

  async goto(context: string, query = ''): Promise<void> {
    await this.page.goto(`/clusters/${encodeURIComponent(context)}/findings${query}`);
    await expect(this.table).toBeVisible({ timeout: 45_000 });
  }

  /** Data rows currently rendered (the table only renders what is on screen). */
  rows(): Locator {
    return this.table.locator('[role="row"][data-check-id]');
  }

  async filter(label: string, option: string): Promise<void> {
    await this.filters.getByLabel(label, { exact: true }).selectOption(option);
  }
}
