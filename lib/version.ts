import packageJson from '../package.json' with { type: 'json' };

/** The kube-posture version, from package.json. Safe to import from server, client and CLI code. */
export const version: string = packageJson.version;
