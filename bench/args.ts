/** Command-line options shared by the bench scripts: `--name value`, and `--scale S|M|L`. */
import { SCALES, type Scale } from './synthetic.ts';

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** `--scale` (default S); anything else than S, M or L ends the process with a usage message. */
export function scaleArg(): Scale {
  const scale = arg('scale', 'S');
  if (!(scale in SCALES)) {
    console.error('--scale must be S, M or L');
    process.exit(2);
  }
  return scale as Scale;
}
