/**
 * Reference builders: the shared ones from lib/checks/refs (CIS with its benchmark version,
 * Kubescape, Trivy, CVE, docs, catalogue row) plus the frameworks only workload checks cite.
 */
import type { Reference } from '../../../types';

export { CIS_VERSION, catalogue, cis, cveRef as cve, k8sDocs, kubescape, trivy } from '../../../refs';

export const polaris = (id: string): Reference => ({
  framework: 'Polaris',
  id,
  url: 'https://polaris.docs.fairwinds.com/checks/security/',
});
export const nsa = (id: string): Reference => ({ framework: 'NSA-CISA', id });
