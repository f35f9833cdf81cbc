/**
 * What to do next, per error code. The server's message already says what happened (it is a
 * sentence a person can act on); this adds a title and the next step in the dashboard's words.
 */
import type { ErrorCode } from '../posture/types';

export interface Guidance {
  title: string;
  next: string;
  /** Whether trying again can help without changing anything else. */
  retry: boolean;
}

export const ERROR_GUIDANCE: Record<ErrorCode, Guidance> = {
  'rate-limited': {
    title: 'Too many requests',
    next: 'The server limits how often one address may sign in or create snapshots. Wait a minute, then try again.',
    retry: true,
  },
  'not-configured': {
    title: 'No cluster connection is configured',
    next: 'Point kube-posture at a kubeconfig (set KUBECONFIG or create ~/.kube/config) and restart it. Inside a cluster, give its pod a service account that can read the cluster.',
    retry: false,
  },
  unreachable: {
    title: 'The cluster could not be reached',
    next: 'Check that the API server is running and reachable from this machine (VPN, firewall, the server address in your kubeconfig), then try again.',
    retry: true,
  },
  unauthorized: {
    title: 'The cluster rejected your credentials',
    next: 'Renew the credentials of this context (log in again with your cloud CLI, refresh an expired token or client certificate), then try again.',
    retry: true,
  },
  forbidden: {
    title: 'Your identity may not read this cluster',
    next: 'Ask an administrator for read access (the built-in "view" ClusterRole plus list on nodes and RBAC objects), or choose a context with more access.',
    retry: false,
  },
  timeout: {
    title: 'The cluster took too long to answer',
    next: 'The API server may be busy or far away. Try again; if it keeps happening, raise KUBE_POSTURE_REQUEST_TIMEOUT_MS on the kube-posture server.',
    retry: true,
  },
  'invalid-input': {
    title: 'That request was not valid',
    next: 'Choose a context from the Cluster list at the top of the page.',
    retry: false,
  },
  'not-found': {
    title: 'Not found',
    next: 'The scan may have expired (scans are kept in memory). Start a new scan.',
    retry: true,
  },
  internal: {
    title: 'Something went wrong in kube-posture',
    next: 'Try again. If it keeps failing, the kube-posture server log has the details.',
    retry: true,
  },
};
