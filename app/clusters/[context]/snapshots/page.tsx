import type { Metadata } from 'next';
import { HistoryView } from '@/components/snapshots/history-view';
import { safeDecode } from '@/lib/ui/component-names';

type Props = { params: Promise<{ context: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Snapshots · ${safeDecode((await params).context)}` };
}

export default async function SnapshotsPage({ params }: Props) {
  const context = safeDecode((await params).context);
  return <HistoryView key={context} context={context} />;
}
