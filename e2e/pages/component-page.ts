import { type Locator, type Page, expect } from '@playwright/test';

/** The deep-linkable drill-down of one component. */
export class ComponentPage {
  readonly page: Page;
  readonly heading: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async goto(context: string, id: string): Promise<void> {
    await this.page.goto(`/clusters/${encodeURIComponent(context)}/components/${id.split('/').map(encodeURIComponent).join('/')}`);
    await expect(this.heading).toBeVisible({ timeout: 45_000 });
  }

  /** A finding card by its check id (scoped to `within` when given, e.g. the side panel). */
  static finding(within: Locator, checkId: string): Locator {
    return within.locator(`[data-check-id="${checkId}"]`).first();
  }
}
