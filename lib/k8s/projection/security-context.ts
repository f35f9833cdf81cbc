/** Security-context projections: copies the fields checks read, nothing else. */
import type { V1PodSecurityContext, V1SecurityContext } from '@kubernetes/client-node';
import type { PodSecurityContext, SecurityContext } from '../../model/inventory';

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
  const out: SeLinux = {};
  if (o.user !== undefined) out.user = o.user;
  if (o.role !== undefined) out.role = o.role;
  if (o.type !== undefined) out.type = o.type;
  if (o.level !== undefined) out.level = o.level;
  return out;
}

export function projectSecurityContext(sc: V1SecurityContext | undefined): SecurityContext | undefined {
  if (!sc) return undefined;
  const out: SecurityContext = {};
  if (sc.privileged !== undefined) out.privileged = sc.privileged;
  if (sc.allowPrivilegeEscalation !== undefined) out.allowPrivilegeEscalation = sc.allowPrivilegeEscalation;
  if (sc.runAsNonRoot !== undefined) out.runAsNonRoot = sc.runAsNonRoot;
  if (sc.runAsUser !== undefined) out.runAsUser = sc.runAsUser;
  if (sc.runAsGroup !== undefined) out.runAsGroup = sc.runAsGroup;
  if (sc.readOnlyRootFilesystem !== undefined) out.readOnlyRootFilesystem = sc.readOnlyRootFilesystem;
  const caps = sc.capabilities;
  if (caps) {
    const c: NonNullable<SecurityContext['capabilities']> = {};
    if (caps.add !== undefined) c.add = caps.add;
    if (caps.drop !== undefined) c.drop = caps.drop;
    out.capabilities = c;
  }
  const seccomp = profile(sc.seccompProfile);
  if (seccomp) out.seccompProfile = seccomp;
  const appArmor = profile(sc.appArmorProfile);
  if (appArmor) out.appArmorProfile = appArmor;
  const se = seLinux(sc.seLinuxOptions);
  if (se) out.seLinuxOptions = se;
  if (sc.procMount !== undefined) out.procMount = sc.procMount;
  const hostProcess = sc.windowsOptions?.hostProcess;
  if (hostProcess !== undefined) out.windowsHostProcess = hostProcess;
  return out;
}

export function projectPodSecurityContext(sc: V1PodSecurityContext | undefined): PodSecurityContext | undefined {
  if (!sc) return undefined;
  const out: PodSecurityContext = {};
  if (sc.runAsNonRoot !== undefined) out.runAsNonRoot = sc.runAsNonRoot;
  if (sc.runAsUser !== undefined) out.runAsUser = sc.runAsUser;
  if (sc.runAsGroup !== undefined) out.runAsGroup = sc.runAsGroup;
  if (sc.fsGroup !== undefined) out.fsGroup = sc.fsGroup;
  const seccomp = profile(sc.seccompProfile);
  if (seccomp) out.seccompProfile = seccomp;
  const appArmor = profile(sc.appArmorProfile);
  if (appArmor) out.appArmorProfile = appArmor;
  const se = seLinux(sc.seLinuxOptions);
  if (se) out.seLinuxOptions = se;
  if (Array.isArray(sc.sysctls)) out.sysctls = sc.sysctls.map((s) => ({ name: s.name ?? '', value: s.value ?? '' }));
  const hostProcess = sc.windowsOptions?.hostProcess;
  if (hostProcess !== undefined) out.windowsHostProcess = hostProcess;
  return out;
}
