/**
 * Loads the CLI's TypeScript under plain Node 24: the app's resolve hooks (scripts/register-ts-hooks.ts)
 * plus one more, which maps the `server-only` marker to its no-op file. The marker throws outside
 * a React Server Components bundle, and the CLI runs server modules (lib/posture/scan) directly.
 */
import { registerHooks } from 'node:module';
import '../scripts/register-ts-hooks.ts';

const SERVER_ONLY = new URL('../node_modules/server-only/empty.js', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    return nextResolve(specifier === 'server-only' ? SERVER_ONLY : specifier, context);
  },
});
