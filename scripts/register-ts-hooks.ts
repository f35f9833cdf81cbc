/**
 * Lets plain Node 24 (built-in type stripping) import the app's TypeScript modules from scripts.
 *
 * The app is written for bundlers: it imports `./x` without an extension, `@/x` from the repo
 * root, and JSON without import attributes. Node rejects all three, so these in-thread hooks
 * resolve `./x` to `./x.ts` or `./x/index.ts`, map `@/` to the root, and load `.json` files as
 * modules. Import this file first, then load app modules with dynamic `import()`.
 * Files loaded this way must use erasable TypeScript only (tsconfig: erasableSyntaxOnly).
 */
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ROOT = new URL('../', import.meta.url);

registerHooks({
  resolve(specifier, context, nextResolve) {
    const spec = specifier.startsWith('@/') ? new URL(specifier.slice(2), ROOT).href : specifier;
    const local = spec.startsWith('.') || spec.startsWith('file:') || spec.startsWith('/');
    if (!local || /\.(ts|mts|js|mjs|cjs|json)$/.test(spec)) return nextResolve(spec, context);
    for (const suffix of ['.ts', '/index.ts']) {
      try {
        return nextResolve(spec + suffix, context);
      } catch {
        // try the next candidate
      }
    }
    return nextResolve(spec, context);
  },
  load(url, context, nextLoad) {
    if (url.endsWith('.json')) {
      return { format: 'module', source: `export default ${readFileSync(fileURLToPath(url), 'utf8')};`, shortCircuit: true };
    }
    return nextLoad(url, context);
  },
});
