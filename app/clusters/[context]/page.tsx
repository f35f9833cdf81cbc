import type { Metadata } from 'next';
import { OverviewView } from '@/components/overview/overview-view';
import { safeDecode } from '@/lib/ui/component-names';

type Props = { params: Promise<{ context: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: safeDecode((await params).context) };
}

/** The overview of one kubeconfig context. */
export default async function ClusterPage({ params }: Props) {
  const context = safeDecode((await params).context);
  return <OverviewView key={context} context={context} />;
}
