import type { Component } from '@/lib/model/architecture';
import type { Finding } from '@/lib/checks/types';

const FACT_LABELS: Record<string, string> = {
  kubeletVersion: 'kubelet version',
  runtimeVersion: 'runtime version',
  osImage: 'OS image',
  kernelVersion: 'kernel',
  maxPods: 'max pods',
  readyReplicas: 'ready replicas',
  serviceAccount: 'service account',
  staticPod: 'static pod',
  hostNetwork: 'host network',
  anonymousVersionStatus: 'unauthenticated GET /version',
  modeSource: 'mode read from',
};

function label(key: string): string {
  return FACT_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function value(v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/** Small facts the model read: version, runtime, OS, zone, pool, pod count, replicas… */
export function ComponentFacts({ component }: { component: Component }) {
  const entries = Object.entries(component.facts);
  if (component.version && !('version' in component.facts)) entries.unshift(['version', component.version]);
  if (entries.length === 0) return null;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-zinc-500 dark:text-zinc-400">{label(k)}</dt>
          <dd className="font-mono text-xs leading-5 break-all">{value(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The process flags, with the ones open findings point at marked (not only by colour). */
export function FlagsTable({ flags, flagged }: { flags: Record<string, string>; flagged: ReadonlyMap<string, Finding[]> }) {
  const rows = Object.entries(flags).sort(([a], [b]) => a.localeCompare(b, 'en'));
  return (
    <table className="w-full table-fixed text-xs">
      <caption className="sr-only">Command-line flags</caption>
      <thead>
        <tr className="text-left text-zinc-500 dark:text-zinc-400">
          <th scope="col" className="w-2/5 py-1 pr-2 font-medium">
            Flag
          </th>
          <th scope="col" className="py-1 font-medium">
            Value
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {rows.map(([name, v]) => {
          const issues = flagged.get(name);
          return (
            <tr key={name} className={issues ? 'bg-red-50 dark:bg-red-950/40' : undefined}>
              <th scope="row" className="py-1 pr-2 text-left font-mono font-normal break-all">
                --{name}
              </th>
              <td className="py-1 font-mono break-all">
                {v}
                {issues ? <span className="ml-2 font-sans font-medium text-red-700 dark:text-red-300">⚠ {issues.map((f) => f.checkId).join(', ')}</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
