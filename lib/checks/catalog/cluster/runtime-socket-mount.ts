import { defineCheck } from '../../types';
import { runtimeComponentId } from './_lib/components';
import { hostPathUses, runtimeSocketIn } from './_lib/host-paths';
import { catalogue, kubescape, trivy } from './_lib/refs';
import { type Observation, passing, verdictOf } from './_lib/verdict';
import { SYSTEM_NAMESPACES } from './_lib/workloads';
import { evaluateWorkloads } from './_lib/workload-check';

const PASS = passing({ message: 'No runtime socket is mounted.', expected: 'no container runtime socket', actual: 'none', field: 'volumes' });

/**
 * A container that can talk to containerd/CRI-O/Docker can start a privileged container on the
 * node, so the finding attaches to the node's container runtime rather than to the workload.
 */
export default defineCheck({
  id: 'runtime-socket-mount',
  title: 'No container runtime socket is mounted into pods',
  description:
    'Fails when a hostPath volume exposes a container runtime socket (docker.sock, containerd.sock, crio.sock, cri-dockerd.sock) or a directory holding one (/run, /var/run, /). ' +
    'System namespaces are exempt by default and reported as not-applicable.',
  component: 'container-runtime',
  area: 'workloads',
  severity: 'high',
  tier: 'api',
  references: [kubescape('C-0074'), trivy('KSV-0006'), catalogue('CR-02')],
  remediation:
    'Remove the hostPath volume (e.g. `hostPath: {path: /var/run/docker.sock}`); build images with a rootless builder (BuildKit rootless, kaniko) and read container metadata through the Kubernetes API instead.',
  defaultExemptNamespaces: [...SYSTEM_NAMESPACES],
  evaluate: (ctx) =>
    evaluateWorkloads(ctx, {
      exempt: SYSTEM_NAMESPACES,
      componentId: (t, arch) => runtimeComponentId(arch, t.nodeName),
      judge(t) {
        let seen: Observation[] | undefined;
        const uses = hostPathUses(t.spec);
        for (let i = 0; i < uses.length; i++) {
          const u = uses[i] as (typeof uses)[number];
          const socket = runtimeSocketIn(u.path);
          if (!socket) continue;
          (seen ??= []).push({
            status: 'fail',
            field: `volumes[${u.volumeIndex}].hostPath.path`,
            expected: 'no container runtime socket',
            actual: u.path === socket ? u.path : `${u.path} (contains ${socket})`,
            note: `volume "${u.volume}" exposes ${socket}`,
          });
        }
        return verdictOf(t, seen, PASS);
      },
    }),
});
