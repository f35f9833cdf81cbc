/**
 * Writes docs/checks.md from the check metadata.
 *
 *   node scripts/gen-checks-doc.ts           # write the file
 *   node scripts/gen-checks-doc.ts --check   # exit 1 if the file is out of date (for CI)
 *
 * Runs on Node 24 with built-in type stripping; see register-ts-hooks.ts for how it loads the
 * app's modules (and why they must use erasable TypeScript only).
 */
import { ROOT } from './register-ts-hooks.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// Dynamic imports, so they run after the hooks are registered; typed via `typeof import`.
type Catalog = typeof import('../lib/checks/catalog/index.ts');
type Docs = typeof import('../lib/checks/docs.ts');
type Match = typeof import('../lib/checks/cve/match.ts');
const { ALL_CHECKS } = (await import(new URL('lib/checks/catalog/index.ts', ROOT).href)) as Catalog;
const { checksMarkdown } = (await import(new URL('lib/checks/docs.ts', ROOT).href)) as Docs;
const { CVE_FEED } = (await import(new URL('lib/checks/cve/match.ts', ROOT).href)) as Match;

const target = fileURLToPath(new URL('docs/checks.md', ROOT));
const markdown = checksMarkdown(ALL_CHECKS, { cveFeedDate: CVE_FEED.feedDate });

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // a missing file counts as out of date
  }
  if (current !== markdown) {
    console.error('docs/checks.md is out of date: run `node scripts/gen-checks-doc.ts`.');
    process.exit(1);
  }
  console.log('docs/checks.md is up to date.');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, markdown);
  console.log(`Wrote docs/checks.md (${ALL_CHECKS.length} checks).`);
}
