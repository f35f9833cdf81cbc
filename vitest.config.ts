import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Shared with vitest.integration.config.ts.
export const resolve = {
  alias: [
    { find: /^@\//, replacement: fromRoot('./') },
    // `import 'server-only'` throws outside a React Server Components bundle.
    // Tests run server code directly, so resolve the marker to its no-op file.
    { find: /^server-only$/, replacement: fromRoot('./node_modules/server-only/empty.js') },
  ],
};

// Unit tests: pure modules, next to the code. No cluster, no network.
export default defineConfig({
  resolve,
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'cli/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.next/**', '**/*.int.test.ts'],
    environment: 'node',
  },
});
