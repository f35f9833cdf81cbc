import type { Metadata } from 'next';
import { DiffView } from '@/components/snapshots/diff-view';

export const metadata: Metadata = { title: 'Compare snapshots' };

export default async function DiffPage({ searchParams }: { searchParams: Promise<{ a?: string; b?: string }> }) {
  const { a, b } = await searchParams;
  if (!a || !b) return <main id="main" className="mx-auto max-w-xl px-4 py-16">Pick two snapshots to compare on a cluster&apos;s snapshots page.</main>;
  return <DiffView a={a} b={b} />;
}
