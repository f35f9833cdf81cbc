import type { Metadata } from 'next';
import { ComponentPage } from '@/components/component/component-page';
import { idFromSegments, safeDecode } from '@/lib/ui/component-names';

type Props = { params: Promise<{ context: string; id: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return { title: `${idFromSegments(p.id)} · ${safeDecode(p.context)}` };
}

/** One component's drill-down, deep-linkable: ids contain `/`, so the route is a catch-all. */
export default async function Page({ params }: Props) {
  const p = await params;
  const context = safeDecode(p.context);
  const id = idFromSegments(p.id);
  return <ComponentPage key={`${context}|${id}`} context={context} componentId={id} />;
}
