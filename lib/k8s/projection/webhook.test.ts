import { describe, expect, it } from 'vitest';
import { projectWebhookConfiguration, redactUrl } from './webhook';

describe('projectWebhookConfiguration', () => {
  it('projects webhooks without the CA bundle', () => {
    const w = projectWebhookConfiguration('ValidatingWebhookConfiguration', {
      metadata: { name: 'policy' },
      webhooks: [
        {
          name: 'v.example.com',
          admissionReviewVersions: ['v1'],
          clientConfig: { service: { namespace: 'policy', name: 'svc', path: '/validate' }, caBundle: 'Q0FCVU5ETEU=' },
          failurePolicy: 'Ignore',
          sideEffects: 'None',
          timeoutSeconds: 5,
          rules: [{ apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], operations: ['CREATE'] }],
          namespaceSelector: { matchLabels: { x: 'y' } },
        },
      ],
    });
    expect(w.webhooks).toEqual([
      {
        name: 'v.example.com',
        failurePolicy: 'Ignore',
        sideEffects: 'None',
        timeoutSeconds: 5,
        service: { namespace: 'policy', name: 'svc', path: '/validate' },
        rules: [{ apiGroups: [''], resources: ['pods'], operations: ['CREATE'] }],
        namespaceSelector: { matchLabels: { x: 'y' } },
      },
    ]);
    expect(JSON.stringify(w)).not.toContain('Q0FCVU5ETEU=');
  });

  it('masks credentials in webhook URLs', () => {
    expect(redactUrl('https://u:MARKER@hook.example.com/x?token=MARKER&a=1')).toBe(
      'https://u:%3Credacted%3E@hook.example.com/x?token=%3Credacted%3E&a=1',
    );
    expect(redactUrl('not a url //u:p@x?q')).not.toContain('u:p');
  });
});
