import { defineCheck } from '../../types';
import { whoHolds } from './_lib/holders';
import { NODES_PROXY } from './_lib/permissions';
import { catalogue, cis, k8sDocs, kubescape, trivy } from './_lib/refs';

export default defineCheck({
  id: 'rbac-nodes-proxy',
  title: 'Access to nodes/proxy is limited',
  description:
    'Finds ClusterRoleBindings that grant any verb on nodes/proxy. The subresource forwards to the kubelet API; even GET allows exec into any container on the node through a WebSocket upgrade, so monitoring roles that "only read" it can run commands everywhere. Built-in bindings (system: prefix or the kubernetes.io/bootstrapping=rbac-defaults label) are exempt by default and reported as not-applicable.',
  component: 'rbac',
  area: 'authn-authz',
  severity: 'high',
  tier: 'api',
  references: [cis('5.1.10'), kubescape('C-0279'), trivy('KSV-0047'), k8sDocs('nodes/proxy warning', 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#nodes-proxy'), catalogue('RB-10')],
  remediation:
    'Replace `nodes/proxy` with the fine-grained subresources the tool needs (Kubernetes 1.33+), e.g. `{apiGroups: [""], resources: ["nodes/metrics", "nodes/stats", "nodes/configz"], verbs: ["get"]}`, or scrape kubelet metrics through a dedicated endpoint.',
  evaluate: (ctx) =>
    whoHolds(ctx, {
      perms: [NODES_PROXY],
      expected: 'no one outside the built-in policy uses nodes/proxy',
      passMessage: 'No binding outside the built-in policy grants nodes/proxy.',
    }),
});
