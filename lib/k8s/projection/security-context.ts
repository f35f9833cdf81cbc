/** Security-context projections: copies the fields checks read, nothing else. */
import type { V1PodSecurityContext, V1SecurityContext } from '@kubernetes/client-node';
import type { PodSecurityContext, SecurityContext } from '../../model/inventory';
import { dropUndefined } from './meta';

type Profile = { type: string; localhostProfile?: string };
type SeLinux = { user?: string; role?: string; type?: string; level?: string };

function profile(p: { type?: string; localhostProfile?: string } | undefined): Profile | undefined {
  if (!p) return undefined;
  const out: Profile = { type: p.type ?? '' };
  if (p.localhostProfile) out.localhostProfile = p.localhostProfile;
  return out;
}

function seLinux(o: SeLinux | undefined): SeLinux | undefined {
  if (!o) return undefined;
  return dropUndefined({ user: o.user, role: o.role, type: o.type, level: o.level });
}

export function projectSecurityContext(sc: V1SecurityContext | undefined): SecurityContext | undefined {
  if (!sc) return undefined;
  const caps = sc.capabilities;
  return dropUndefined<SecurityContext>({
    privileged: sc.privileged,
    allowPrivilegeEscalation: sc.allowPrivilegeEscalation,
    runAsNonRoot: sc.runAsNonRoot,
    runAsUser: sc.runAsUser,
    runAsGroup: sc.runAsGroup,
    readOnlyRootFilesystem: sc.readOnlyRootFilesystem,
    capabilities: caps ? dropUndefined({ add: caps.add, drop: caps.drop }) : undefined,
    seccompProfile: profile(sc.seccompProfile),
    appArmorProfile: profile(sc.appArmorProfile),
    seLinuxOptions: seLinux(sc.seLinuxOptions),
    procMount: sc.procMount,
    windowsHostProcess: sc.windowsOptions?.hostProcess,
  });
}

export function projectPodSecurityContext(sc: V1PodSecurityContext | undefined): PodSecurityContext | undefined {
  if (!sc) return undefined;
  return dropUndefined<PodSecurityContext>({
    runAsNonRoot: sc.runAsNonRoot,
    runAsUser: sc.runAsUser,
    runAsGroup: sc.runAsGroup,
    fsGroup: sc.fsGroup,
    seccompProfile: profile(sc.seccompProfile),
    appArmorProfile: profile(sc.appArmorProfile),
    seLinuxOptions: seLinux(sc.seLinuxOptions),
    sysctls: sc.sysctls?.map((s) => ({ name: s.name ?? '', value: s.value ?? '' })),
    windowsHostProcess: sc.windowsOptions?.hostProcess,
  });
}
