import { defineCheck } from '../../types';
import { isPinned, parseImage } from './_lib/images';
import { catalogue, kubescape, polaris, trivy } from './_lib/refs';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { type ContainerAt, SYSTEM_NAMESPACES } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const PASS = passing({ message: 'Every image is pinned to a tag or digest.', expected: 'a version tag or digest', actual: 'pinned', field: 'containers[*].image' });

/**
 * A mutable tag means the code that runs can change without a change to the manifest, and with
 * `IfNotPresent` different nodes may run different builds. Digest-pinned images always pass.
 */
export default defineCheck({
  id: 'workload-image-pinning',
  title: 'Images are pinned to a version tag or digest',
  description:
    'Fails when a container image has no tag or uses :latest (warned as well when the pull policy is IfNotPresent or Never, so nodes may run different builds). Images pinned by digest pass. ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'workload',
  area: 'workloads',
  severity: 'low',
  tier: 'api',
  references: [kubescape('C-0075'), trivy('KSV-0013'), trivy('KSV-0125'), polaris('tagNotSpecified'), polaris('pullPolicyNotAlways'), catalogue('WL-16')],
  remediation: 'Pin the image to a release tag or digest: `image: registry.example.com/api:1.4.2@sha256:<digest>`.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      judge(t) {
        let seen: Observation[] | undefined;
        for (let i = 0; i < t.containers.length; i++) {
          const { c, path } = t.containers[i] as ContainerAt;
          if (isPinned(c.image)) continue;
          const img = parseImage(c.image);
          const policy = c.imagePullPolicy ?? 'Always';
          const drift = policy !== 'Always' ? `; pull policy ${policy} lets nodes run different builds` : '';
          (seen ??= []).push({
            status: 'fail',
            field: `${path}.image`,
            expected: 'a version tag or @sha256 digest',
            actual: `${c.image}${img.tag ? '' : ' (untagged = latest)'}${drift}`,
            note: `container "${c.name}" uses ${img.tag ? ':latest' : 'an untagged image'}`,
          });
        }
        return verdictOf(t, seen, PASS);
      },
    }),
});
