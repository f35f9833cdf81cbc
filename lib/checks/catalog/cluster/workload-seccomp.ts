import { defineCheck } from '../../types';
import { catalogue, cis, kubescape, polaris, trivy } from './_lib/refs';
import { effective, effectiveValue } from './_lib/security-context';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { type ContainerAt, SYSTEM_NAMESPACES, annotationSource, hasAnnotationWith } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';
/** In both annotation keys above. */
const LEGACY = 'seccomp.security.alpha.kubernetes.io/';

/** Old clusters and manifests still carry the pre-1.19 annotations; honour them. */
function fromAnnotation(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === 'unconfined') return 'Unconfined';
  if (value === 'runtime/default' || value === 'docker/default') return 'RuntimeDefault';
  if (value.startsWith('localhost/')) return 'Localhost';
  return value;
}

const PASS = passing({ message: 'Every container has a RuntimeDefault or Localhost seccomp profile.', expected: 'RuntimeDefault or Localhost', actual: 'set', field: 'securityContext.seccompProfile' });

/**
 * Unset only warns: the kubelet applies RuntimeDefault on its own when `seccompDefault` is on,
 * which the API does not show without the opt-in configz read.
 */
export default defineCheck({
  id: 'workload-seccomp',
  title: 'Containers run with a seccomp profile',
  description:
    'Per container (container setting over pod setting, then the legacy seccomp annotations): fails on Unconfined, warns when no profile is set, passes on RuntimeDefault or Localhost. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'medium',
  tier: 'api',
  references: [cis('5.6.2'), kubescape('C-0210'), kubescape('C-0055'), trivy('KSV-0030'), trivy('KSV-0104'), polaris('linuxHardening'), catalogue('WL-11')],
  remediation: 'Set `securityContext.seccompProfile: {type: RuntimeDefault}` in the pod spec (or a `Localhost` profile), never `Unconfined`.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        let seen: Observation[] | undefined;
        const legacy = hasAnnotationWith(t, LEGACY);
        for (let i = 0; i < t.containers.length; i++) {
          const { c, path } = t.containers[i] as ContainerAt;
          const value = effectiveValue(t.spec, c, 'seccompProfile');
          let type = value?.type;
          if (type === 'RuntimeDefault' || type === 'Localhost') continue;
          // The annotations count only where the field does not decide.
          let annotated: string | undefined;
          if (type === undefined && legacy) {
            const cKey = `${CONTAINER_ANNOTATION}${c.name}`;
            annotated = t.annotations[cKey] !== undefined ? cKey : t.annotations[POD_ANNOTATION] !== undefined ? POD_ANNOTATION : undefined;
            type = fromAnnotation(annotated && t.annotations[annotated]);
            if (type === 'RuntimeDefault' || type === 'Localhost') continue;
          }
          const where =
            value === undefined && annotated
              ? { field: '', source: annotationSource(t, annotated) }
              : { field: effective(t.spec, c, path, 'seccompProfile').field ?? `${path}.securityContext.seccompProfile.type` };
          if (type === undefined)
            (seen ??= []).push({ status: 'warn', ...where, expected: 'RuntimeDefault or Localhost', actual: 'unset', note: `container "${c.name}" sets no seccomp profile` });
          else
            (seen ??= []).push({ status: 'fail', ...where, expected: 'RuntimeDefault or Localhost', actual: type, note: `container "${c.name}" runs ${type}` });
        }
        return verdictOf(t, seen, PASS);
      },
    }),
});
