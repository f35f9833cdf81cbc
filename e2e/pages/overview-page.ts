import { type Locator, type Page, expect } from '@playwright/test';

/** The overview of one cluster: identity, score, areas, the architecture diagram and its panel. */
export class OverviewPage {
  readonly page: Page;
  readonly diagram: Locator;
  readonly panel: Locator;
  readonly partialData: Locator;
  readonly error: Locator;
  readonly rescan: Locator;
  readonly contextSwitcher: Locator;

  constructor(page: Page) {
    this.page = page;
    this.diagram = page.getByTestId('architecture-diagram');
    this.panel = page.getByTestId('component-panel');
    this.partialData = page.getByTestId('partial-data-banner');
    this.error = page.locator('[role="alert"][data-error-code]');
    this.rescan = page.getByRole('button', { name: /^(Rescan|Scanning…)$/ });
    this.contextSwitcher = page.getByRole('combobox', { name: 'Cluster', exact: true });
  }

  async goto(context?: string): Promise<void> {
    await this.page.goto(context ? `/clusters/${encodeURIComponent(context)}` : '/');
  }

  /** Waits until a scan's posture is on screen (the diagram is drawn). */
  async waitForDiagram(): Promise<void> {
    await expect(this.diagram).toBeVisible({ timeout: 45_000 });
    await expect(this.boxes().first()).toBeVisible();
  }

  /** Diagram boxes (components, nodes, groups), each a role=button with a status sentence. */
  boxes(): Locator {
    return this.diagram.locator('[data-box-id][role="button"]:not([data-action])');
  }

  /** A component box by the start of its accessible name, e.g. `kube-apiserver cp-1`. */
  component(name: string): Locator {
    return this.diagram.getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`) });
  }

  box(id: string): Locator {
    return this.diagram.locator(`[data-box-id="${id}"]`);
  }

  async filterArea(title: string): Promise<void> {
    await this.page.getByRole('toolbar', { name: 'Diagram tools' }).getByLabel('Security area').selectOption({ label: title });
  }

  async switchContext(context: string): Promise<void> {
    await this.contextSwitcher.selectOption(context);
    await this.page.waitForURL(`**/clusters/${encodeURIComponent(context)}`);
  }
}
