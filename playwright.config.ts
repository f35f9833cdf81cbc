import { defineConfig } from '@playwright/test';

// Browsers come from Debian (`apt-get install chromium`), never from `playwright install`.
const port = process.env.KP_E2E_PORT ?? '3100';
const baseURL = process.env.KP_BASE_URL ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The test command asks for a JSON report to count results (KP_PLAYWRIGHT_JSON).
  reporter: process.env.KP_PLAYWRIGHT_JSON ? [['list'], ['json', { outputFile: process.env.KP_PLAYWRIGHT_JSON }]] : 'list',
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  // Without KP_BASE_URL, serve the production build on port 3100 (building it when missing).
  webServer: process.env.KP_BASE_URL
    ? undefined
    : {
        command: `PORT=${port} node scripts/start.mjs`,
        url: `http://127.0.0.1:${port}/api/health`,
        reuseExistingServer: !process.env.CI,
        timeout: 600_000,
        stdout: 'pipe',
        stderr: 'pipe',
        // The dashboard under test sees the local clusters (`npm run cluster -- e2e-kubeconfig`).
        env: { KUBECONFIG: process.env.KP_E2E_KUBECONFIG ?? '.cluster/e2e.kubeconfig', KUBE_POSTURE_SCAN_TTL_MS: '60000' },
      },
});
