/**
 * Reference builders, so every check cites frameworks the same way. CIS ids move between benchmark
 * versions, so CIS references always carry the version they were taken from (CIS Kubernetes 1.12,
 * as mapped in kube-bench cfg/cis-1.12; CIS 2.0 has the same checks).
 */
import type { Reference } from './types';

export const CIS_VERSION = '1.12';

export const cis = (id: string): Reference => ({ framework: 'CIS Kubernetes', version: CIS_VERSION, id });

export const kubescape = (id: string): Reference => ({
  framework: 'Kubescape',
  id,
  url: `https://hub.armosec.io/docs/${id.toLowerCase()}`,
});

/** Trivy infrastructure checks (`KCV-0001`) and workload checks (`KSV-0017`). */
export const trivy = (id: string): Reference => ({
  framework: 'Trivy',
  id,
  url: `https://avd.aquasec.com/misconfig/${id.replace('-', '').toLowerCase()}`,
});

export const cveRef = (id: string): Reference => ({ framework: 'CVE', id, url: `https://www.cve.org/CVERecord?id=${id}` });

export const k8sDocs = (id: string, url: string): Reference => ({ framework: 'Kubernetes docs', id, url });

/** The row of docs/shared reference/checks-catalog.md a check implements (AS-01, KL-04 …). */
export const catalogue = (id: string): Reference => ({ framework: 'kube-posture catalogue', id });
