'use client';
/**
 * The drill-down of one component, shared by the side panel of the diagram and the deep-linkable
 * page /clusters/{context}/components/{...id}: what it is, what an attacker gains if it is weak,
 * its findings with evidence, its facts, flags and connections, and for nodes their parts and the
 * workloads findings name.
 */
import Link from 'next/link';
import type { ReactNode } from 'react';
import { StatusIcon } from '@/components/ui/status-icon';
import type { Posture } from '@/lib/posture/types';
import { COMPONENT_DOCS, subPartsOf } from '@/lib/ui/component-docs';
import { TYPE_TITLES, componentLabel } from '@/lib/ui/component-names';
import { usePaths } from '@/lib/ui/paths-context';
import { findingsOf, flagsInFindings, objectLabel, objectsOnNode, resultCount } from '@/lib/ui/component-view';
import { HEALTH_STYLE } from '@/lib/ui/health-style';
import { HEALTH_TEXT, statusOf, statusSentence } from '@/lib/ui/status';
import { useChecks } from '@/lib/ui/use-checks';
import { cn } from '@/lib/utils/cn';
import { ComponentConnections } from './component-connections';
import { ComponentFacts, FlagsTable } from './component-facts';
import { FindingsByStatus } from './findings-by-status';

function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section className={cn('grid gap-2', className)} aria-label={title}>
      <h3 className="text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{title}</h3>
      {children}
    </section>
  );
}

export interface ComponentDetailsProps {
  posture: Pick<Posture, 'architecture' | 'findings'>;
  componentId: string;
  context: string;
  variant: 'panel' | 'page';
  /** Headings start at this level (the page has an h1 above, the panel an h2). */
  headingLevel?: 1 | 2;
}

export function ComponentDetails({ posture, componentId, context, variant, headingLevel = 2 }: ComponentDetailsProps) {
  const { byId: metaById } = useChecks();
  const paths = usePaths();
  const component = posture.architecture.components.find((c) => c.id === componentId);
  if (!component) {
    return (
      <div className="grid gap-2">
        <p className="text-sm">
          <span className="font-medium">{componentId}</span> is not part of the latest scan of {context}. It may have been removed, or the id may be mistyped.
        </p>
        <Link href={paths.overview(context)} className="text-sm text-sky-700 underline dark:text-sky-400">
          Back to the overview
        </Link>
      </div>
    );
  }

  const findings = findingsOf(posture.findings, component.id);
  const status = statusOf(findings);
  const doc = COMPONENT_DOCS[component.type];
  const parts = subPartsOf(component);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const children = posture.architecture.components.filter((c) => c.parentId === component.id);
  const objects = component.type === 'node' ? objectsOnNode(posture.findings, component.id) : [];
  const isControlPlane = component.layer === 'control-plane' && component.type !== 'cluster';

  const about = (
    <Section title="What it is">
      <p className="text-sm leading-6">{doc.role}</p>
      <div className="rounded-md border-l-4 border-red-400 bg-red-50 px-3 py-2 text-sm leading-6 dark:border-red-700 dark:bg-red-950/40">
        <span className="font-medium">If it is weak: </span>
        {doc.attacker}
      </div>
      {parts.map((p) => (
        <div key={p.title}>
          <h4 className="text-sm font-medium">{p.title}</h4>
          {p.items.length > 0 ? (
            <ul className="mt-1 flex flex-wrap gap-1.5">
              {p.items.map((item) => (
                <li key={item} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">
                  {item}
                </li>
              ))}
            </ul>
          ) : null}
          {p.note ? <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{p.note}</p> : null}
        </div>
      ))}
    </Section>
  );

  const nodeParts =
    children.length > 0 ? (
      <Section title="Runs on this node">
        <ul className="grid gap-1 text-sm">
          {children.map((c) => {
            const s = statusOf(findingsOf(posture.findings, c.id));
            return (
              <li key={c.id} className="flex items-center gap-2">
                <StatusIcon health={s.health} label={HEALTH_TEXT[s.health]} />
                <Link href={paths.component(context, c.id)} className="text-sky-700 underline dark:text-sky-400">
                  {c.name}
                </Link>
                <span className="text-zinc-600 dark:text-zinc-400">{statusSentence(s)}</span>
              </li>
            );
          })}
        </ul>
      </Section>
    ) : null;

  const workloads =
    objects.length > 0 ? (
      <Section title={`Workloads on this node (${objects.length})`}>
        <ul className="grid max-h-72 gap-1 overflow-auto text-sm">
          {objects.map((o) => (
            <li key={objectLabel(o.ref)} className="flex items-center gap-2">
              <StatusIcon health={o.status.health} label={HEALTH_TEXT[o.status.health]} />
              <span className="font-mono text-xs">{objectLabel(o.ref)}</span>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">{statusSentence(o.status)}</span>
            </li>
          ))}
        </ul>
      </Section>
    ) : null;

  const facts = (
    <Section title={component.type === 'node' ? 'Node info' : 'Facts'}>
      <ComponentFacts component={component} />
      {component.objects.length > 0 ? <p className="text-xs text-zinc-500 dark:text-zinc-400">Read from {component.objects.map(objectLabel).join(', ')}</p> : null}
    </Section>
  );

  const flags =
    component.flags && Object.keys(component.flags).length > 0 ? (
      <Section title={`Flags (${Object.keys(component.flags).length})`}>
        <FlagsTable flags={component.flags} flagged={flagsInFindings(findings)} />
      </Section>
    ) : isControlPlane && posture.architecture.controlPlane.managed ? (
      <Section title="Flags">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Provider-managed control plane: its flags are not visible through the Kubernetes API.</p>
      </Section>
    ) : null;

  const findingsSection = (
    <Section title={`Findings (${resultCount(findings)})`}>
      <FindingsByStatus findings={findings} metaById={metaById} />
    </Section>
  );

  const connections = (
    <Section title="Connections">
      <ComponentConnections architecture={posture.architecture} id={component.id} />
    </Section>
  );

  return (
    <article className="grid gap-5" data-component-id={component.id}>
      <header className="grid gap-1">
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{TYPE_TITLES[component.type]}</p>
        <Heading className={cn('flex items-center gap-2 font-semibold', headingLevel === 1 ? 'text-2xl' : 'text-lg')}>
          {/* Decorative here: the sentence under the heading says the status in words. */}
          <StatusIcon health={status.health} className="size-5" />
          {componentLabel(component)}
        </Heading>
        <p className={cn('text-sm font-medium', HEALTH_STYLE[status.health].text)}>{statusSentence(status)}</p>
        {variant === 'panel' ? (
          <Link href={paths.component(context, component.id)} className="text-sm text-sky-700 underline dark:text-sky-400">
            Open as a page (link to share)
          </Link>
        ) : null}
      </header>
      {variant === 'page' ? (
        <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <div className="grid content-start gap-6">
            {about}
            {facts}
            {nodeParts}
            {connections}
            {flags}
            {workloads}
          </div>
          <div className="content-start">{findingsSection}</div>
        </div>
      ) : (
        <>
          {about}
          {findingsSection}
          {nodeParts}
          {facts}
          {connections}
          {flags}
          {workloads}
        </>
      )}
    </article>
  );
}
