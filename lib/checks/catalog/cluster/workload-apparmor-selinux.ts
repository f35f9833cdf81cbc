import { defineCheck } from '../../types';
import { catalogue, kubescape, trivy } from './_lib/refs';
import { effective, effectiveValue } from './_lib/security-context';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { type ContainerAt, SYSTEM_NAMESPACES, annotationSource, hasAnnotationWith } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';
/** SELinux types the Pod Security baseline profile allows. */
const SELINUX_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

const PASS = passing({ message: 'AppArmor and SELinux confinement are left at safe settings.', expected: 'no Unconfined AppArmor, no custom SELinux', actual: 'as expected', field: 'securityContext' });

/**
 * Mirrors the Pod Security baseline rules: no Unconfined AppArmor, no custom SELinux user/role,
 * only the container SELinux types. Not setting a profile passes: the runtime's default applies.
 */
export default defineCheck({
  id: 'workload-apparmor-selinux',
  title: 'AppArmor and SELinux are not disabled',
  description:
    'Fails when a container (or the pod) runs AppArmor Unconfined (field or legacy annotation), sets a custom SELinux user or role, or an SELinux type outside container_t/container_init_t/container_kvm_t/container_engine_t. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'low',
  tier: 'api',
  references: [trivy('KSV-0002'), trivy('KSV-0025'), kubescape('C-0055'), catalogue('WL-12')],
  remediation: 'Use `securityContext.appArmorProfile: {type: RuntimeDefault}` and remove `seLinuxOptions.user`/`role`; keep `seLinuxOptions.type` unset or `container_t`.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        let seen: Observation[] | undefined;
        const annotated = hasAnnotationWith(t, APPARMOR_ANNOTATION);
        for (let i = 0; i < t.containers.length; i++) {
          const { c, path } = t.containers[i] as ContainerAt;
          // Values first; where they were set is looked up only for evidence.
          const aa = effectiveValue(t.spec, c, 'appArmorProfile');
          const legacy = annotated ? t.annotations[`${APPARMOR_ANNOTATION}${c.name}`] : undefined;
          if (aa?.type === 'Unconfined')
            (seen ??= []).push({ status: 'fail', field: effective(t.spec, c, path, 'appArmorProfile').field ?? '', expected: 'RuntimeDefault or Localhost', actual: 'Unconfined', note: `container "${c.name}" has AppArmor disabled` });
          else if (aa === undefined && legacy === 'unconfined')
            (seen ??= []).push({ status: 'fail', field: '', source: annotationSource(t, `${APPARMOR_ANNOTATION}${c.name}`), expected: 'runtime/default or localhost/…', actual: 'unconfined', note: `container "${c.name}" has AppArmor disabled` });
          const opts = effectiveValue(t.spec, c, 'seLinuxOptions');
          if (opts === undefined) continue;
          const seField = () => effective(t.spec, c, path, 'seLinuxOptions').field ?? '';
          if (opts.user || opts.role)
            (seen ??= []).push({ status: 'fail', field: seField(), expected: 'no custom SELinux user or role', actual: `user=${opts.user ?? '-'}, role=${opts.role ?? '-'}`, note: `container "${c.name}" sets a custom SELinux user/role` });
          if (opts.type && !SELINUX_TYPES.has(opts.type))
            (seen ??= []).push({ status: 'fail', field: `${seField()}.type`, expected: [...SELINUX_TYPES].join(' | '), actual: opts.type, note: `container "${c.name}" uses SELinux type ${opts.type}` });
        }
        return verdictOf(t, seen, PASS);
      },
    }),
});
