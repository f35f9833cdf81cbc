import type { Metadata } from 'next';
import { FindingsView } from '@/components/findings/findings-view';
import { safeDecode } from '@/lib/ui/component-names';

type Props = { params: Promise<{ context: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Findings · ${safeDecode((await params).context)}` };
}

export default async function FindingsPage({ params }: Props) {
  const context = safeDecode((await params).context);
  return <FindingsView key={context} context={context} />;
}
