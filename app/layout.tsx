import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/app-header';
import { SwrProvider } from '@/components/layout/swr-provider';
import { THEME_SCRIPT } from '@/lib/ui/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'kube-posture', template: '%s · kube-posture' },
  description: "A Kubernetes cluster's architecture and security posture at a glance.",
  icons: { icon: '/favicon.svg' },
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  // proxy.ts sets a fresh CSP nonce per request; inline scripts run only with it.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The theme script changes the class before hydration; that difference is expected.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-dvh bg-zinc-50 font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <SwrProvider>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900">
            Skip to content
          </a>
          <AppHeader />
          {children}
        </SwrProvider>
      </body>
    </html>
  );
}
