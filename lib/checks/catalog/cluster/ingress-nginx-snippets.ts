import type { CheckResult } from '../../types';
import { defineCheck } from '../../types';
import { CLUSTER_ID } from '../../../model/ids';
import { findAddons, images } from './_lib/addons';
import { addonComponentId } from './_lib/components';
import { refLabel } from './_lib/format';
import { catalogue, cve, kubescape, trivy } from './_lib/refs';
import { ev, result } from './_lib/result';
import { containersOf } from './_lib/workloads';

const CONTROLLER_IMAGE = /ingress-nginx\/controller|kubernetes-ingress-controller\/nginx-ingress-controller/;
/** Snippet annotations inject raw nginx config: with them any Ingress author can read the controller's token. */
const SNIPPETS = [
  'nginx.ingress.kubernetes.io/configuration-snippet',
  'nginx.ingress.kubernetes.io/server-snippet',
  'nginx.ingress.kubernetes.io/auth-snippet',
  'nginx.ingress.kubernetes.io/stream-snippet',
];

/**
 * Two sides: every Ingress using snippet annotations (the CVE-2021-25742 class: raw nginx config
 * written by whoever can create an Ingress), and the controller itself, which is end-of-life since
 * the project's retirement in March 2026. Known CVEs of the controller version are the job of
 * `ingress-nginx-cve`; the `allow-snippet-annotations` ConfigMap key is not collected, so
 * snippets are judged where they are used.
 */
export default defineCheck({
  id: 'ingress-nginx-snippets',
  title: 'No nginx snippet annotations; ingress-nginx is replaced',
  description:
    'Fails for Ingresses that carry nginx snippet annotations (configuration-snippet, server-snippet, auth-snippet, stream-snippet): anyone who can create an Ingress can then inject nginx configuration and read the controller\'s credentials. ' +
    'Warns for every ingress-nginx controller, because the project is end-of-life since March 2026 (known CVEs of its version are reported by ingress-nginx-cve). Not applicable without ingress-nginx or snippets.',
  component: 'ingress-controller',
  area: 'addons',
  severity: 'high',
  tier: 'api',
  references: [kubescape('C-0059'), kubescape('C-0292'), trivy('KCV-0093'), cve('CVE-2021-25742'), catalogue('AD-03')],
  remediation:
    'Remove `nginx.ingress.kubernetes.io/*-snippet` annotations and set `allow-snippet-annotations: "false"` in the controller ConfigMap (`data: {allow-snippet-annotations: "false"}`), then plan the move to a maintained controller, e.g. a Gateway API implementation.',
  evaluate({ inv, arch }) {
    const out: CheckResult[] = [];
    const controllers = findAddons(inv, (t) => images(t).some((i) => CONTROLLER_IMAGE.test(i)));
    for (const t of controllers) {
      const at = containersOf(t.spec).find(({ c }) => CONTROLLER_IMAGE.test(c.image));
      if (!at) continue;
      const componentId = addonComponentId(arch, 'ingress-controller', t.ref.name, t.ref);
      const evidence = [ev('a maintained ingress controller', at.c.image, `${t.label} · ${t.specPath}.${at.path}.image`)];
      out.push(
        result(componentId, 'warn', `${refLabel(t.ref)} runs ingress-nginx, end-of-life since March 2026: no further security fixes (see ingress-nginx-cve for known CVEs).`, evidence, t.ref),
      );
    }
    const ingressComponent = controllers[0] ? addonComponentId(arch, 'ingress-controller', controllers[0].ref.name, controllers[0].ref) : CLUSTER_ID;
    for (const i of inv.ingresses) {
      const used = SNIPPETS.filter((k) => i.meta.annotations[k] !== undefined);
      if (used.length === 0) continue;
      const ns = i.meta.namespace ?? '';
      out.push(
        result(
          ingressComponent,
          'fail',
          `Ingress ${ns}/${i.meta.name} injects raw nginx configuration through ${used.map((k) => k.split('/')[1]).join(', ')}.`,
          used.map((k) => ev('no snippet annotations', `${k.split('/')[1] ?? k} set`, `Ingress ${ns}/${i.meta.name} · metadata.annotations["${k}"]`)),
          { kind: 'Ingress', namespace: ns, name: i.meta.name },
        ),
      );
    }
    if (out.length === 0 && inv.ingresses.length === 0)
      out.push(result(CLUSTER_ID, 'not-applicable', 'No ingress-nginx controller and no Ingresses found.', [ev('no ingress-nginx risks', 'none', 'workloads · image ingress-nginx/controller; Ingresses')]));
    else if (!out.some((r) => r.object?.kind === 'Ingress'))
      out.push(result(ingressComponent, 'pass', `None of ${inv.ingresses.length} Ingresses uses nginx snippet annotations.`, [ev('no snippet annotations', 'none', 'Ingresses · metadata.annotations')]));
    return out;
  },
});
