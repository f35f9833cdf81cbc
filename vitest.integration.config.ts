import { defineConfig } from 'vitest/config';
import { resolve } from './vitest.config.ts';

// Integration tests run against the real local control plane from e2e/cluster.
// One file at a time: the files share that cluster.
export default defineConfig({
  resolve,
  test: {
    include: ['**/*.int.test.ts'],
    exclude: ['**/node_modules/**', '**/.next/**', '.data/**', '.cluster/**'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
  },
});
