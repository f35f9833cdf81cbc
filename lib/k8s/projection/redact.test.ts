import { describe, expect, it } from 'vitest';
import { parseFlags } from '../../model/flags';
import { REDACTED, isSensitiveKey, redactArgs } from './redact';

const S = 'MARKER-SECRET-VALUE';

describe('isSensitiveKey', () => {
  it.each(['--password', 'DB_PASSWORD', 'dbPassword', '--passwd', 'client-secret', 'API_KEY', 'apiKey', '--api-key',
    'auth-token', 'aws_credentials', 'privateKey', '--ssh-private-key'])('%s is sensitive', (k) => {
    expect(isSensitiveKey(k)).toBe(true);
  });

  it.each(['--token-auth-file', '--tls-private-key-file', '--secrets-path', '--credential-dir', '--token-ca',
    '--etcd-keyfile', '--kubelet-client-key', '--service-account-max-token-expiration', '--name'])('%s is not', (k) => {
    expect(isSensitiveKey(k)).toBe(false);
  });
});

describe('redactArgs', () => {
  it('masks --flag=value and keeps the flag name', () => {
    expect(redactArgs(['app', `--password=${S}`, '--port=80'])).toEqual(['app', `--password=${REDACTED}`, '--port=80']);
  });

  it('masks the value of a bare sensitive flag given as the next item', () => {
    expect(redactArgs(['--token', S, '--v', '2'])).toEqual(['--token', REDACTED, '--v', '2']);
  });

  it('keeps location flags, booleans and positional args', () => {
    const argv = [
      'kube-apiserver',
      '--token-auth-file=/etc/tokens.csv',
      '--tls-private-key-file=/pki/apiserver.key',
      '--service-account-extend-token-expiration=false',
      '--enable-bootstrap-token-auth=true',
      '--service-account-max-token-expiration=48h',
      '--feature-gates=ServiceAccountTokenJTI=true,KubeletServiceAccountTokenForCredentialProviders=false,RotateKubeletServerCertificate=true',
      'serve',
    ];
    expect(redactArgs(argv)).toEqual(argv);
  });

  it('masks KEY=VALUE positionals and nested key=value lists', () => {
    expect(redactArgs([`API_TOKEN=${S}`, 'MODE=fast', `--set=db.password=${S},x=1`, '--set=replicas=2'])).toEqual([
      `API_TOKEN=${REDACTED}`,
      'MODE=fast',
      `--set=db.password=${REDACTED}`,
      '--set=replicas=2',
    ]);
  });

  it('masks URL passwords anywhere', () => {
    expect(redactArgs([`--db=postgres://app:${S}@db:5432/x`])).toEqual([`--db=postgres://app:${REDACTED}@db:5432/x`]);
  });

  it('redacts inside shell scripts, keeping quoted values whole', () => {
    const out = redactArgs(['/bin/sh', '-c', `exec app --secret "${S} two" --level=info --api-key=${S}`]);
    expect(out[2]).toBe(`exec app --secret ${REDACTED} --level=info --api-key=${REDACTED}`);
    expect(JSON.stringify(out)).not.toContain(S);
  });

  it('keeps the array length so flag parsing still works', () => {
    const argv = ['kube-apiserver', '--anonymous-auth=false', `--oidc-client-secret=${S}`];
    const out = redactArgs(argv);
    expect(out).toHaveLength(argv.length);
    expect(parseFlags(out)).toEqual({ 'anonymous-auth': 'false', 'oidc-client-secret': REDACTED });
  });

  it('never throws on odd input', () => {
    expect(redactArgs(undefined)).toEqual([]);
    expect(redactArgs(['=', '--=', '--', "it's", '"unterminated --password=x'])).toHaveLength(5);
  });
});
