'use client';
/**
 * One query parameter as React state, written with history.replaceState so the URL stays
 * shareable (`?component=control-plane/kube-apiserver/cp-1`) without a navigation or a re-render
 * of the page tree. Read after mount: the server render does not know the query.
 */
import { useCallback, useEffect, useState } from 'react';

export function readParam(name: string): string | undefined {
  if (typeof window === 'undefined') return undefined;
  return new URLSearchParams(window.location.search).get(name) ?? undefined;
}

export function writeParams(values: Record<string, string | undefined>): void {
  const url = new URL(window.location.href);
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === '') url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  window.history.replaceState(window.history.state, '', url);
}

export function useUrlParam(name: string): [string | undefined, (value: string | undefined) => void] {
  const [value, setValue] = useState<string | undefined>();
  useEffect(() => setValue(readParam(name)), [name]);
  const set = useCallback(
    (v: string | undefined) => {
      setValue(v);
      writeParams({ [name]: v });
    },
    [name],
  );
  return [value, set];
}
