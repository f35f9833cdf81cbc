import { Card } from '@/components/ui/card';
import { Logo } from '@/components/ui/logo';

export default function OverviewPage() {
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-8 px-6 py-16">
      <header className="flex items-center gap-3">
        <Logo className="size-10" />
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">kube-posture</h1>
          <p className="text-zinc-600 dark:text-zinc-400">
            See how your Kubernetes cluster is built and how well it is secured.
          </p>
        </div>
      </header>

      <Card aria-labelledby="no-scan-title" className="border-dashed text-center">
        <h2 id="no-scan-title" className="text-lg font-medium">
          No scan yet
        </h2>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Once a cluster has been scanned, its architecture, findings and score appear here.
        </p>
      </Card>
    </main>
  );
}
