'use client';
/** The kubeconfig's contexts, read once per page load (they only change when the file does). */
import useSWR from 'swr';
import { type ApiRequestError, type ContextsResponse, fetchContexts } from './api';

export function useContexts() {
  return useSWR<ContextsResponse, ApiRequestError>('contexts', fetchContexts, {
    revalidateOnFocus: false,
    revalidateIfStale: false,
    shouldRetryOnError: false,
  });
}
