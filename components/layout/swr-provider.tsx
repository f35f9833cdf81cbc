'use client';
import type { ReactNode } from 'react';
import { SWRConfig } from 'swr';

/** One SWR cache for the whole app, so pages share the contexts list and the scan of a cluster. */
export function SwrProvider({ children }: { children: ReactNode }) {
  return <SWRConfig value={{ revalidateOnFocus: false, errorRetryCount: 2 }}>{children}</SWRConfig>;
}
