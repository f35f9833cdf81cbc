'use client';
/**
 * Check metadata (description, remediation, references) from /api/checks, fetched once when a
 * drill-down needs it. Findings carry only id, title, area and severity; fetching the rest keeps
 * every check's evaluation code and the CVE feed out of the browser bundle.
 */
import useSWR from 'swr';
import type { CheckMeta } from '../checks/types';
import { type ApiRequestError, requestJson } from './api';

interface ChecksResponse {
  catalogVersion: string;
  cveFeedDate: string;
  checks: CheckMeta[];
}

export function useChecks() {
  const res = useSWR<ChecksResponse, ApiRequestError>('/api/checks', (url: string) => requestJson<ChecksResponse>(url), {
    revalidateOnFocus: false,
    revalidateIfStale: false,
  });
  const byId = new Map((res.data?.checks ?? []).map((c) => [c.id, c]));
  return { ...res, byId };
}
