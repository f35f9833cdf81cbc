/**
 * Values planted in every profile (a Secret, an env var, a ConfigMap, a sensitive flag) that must
 * never appear in anything kube-posture returns: API responses, snapshots, exports, pages.
 */
export const MARKERS = {
  secret: 'KP-MARKER-SECRET-c0ffee51',
  env: 'KP-MARKER-ENV-c0ffee52',
  configMap: 'KP-MARKER-CONFIGMAP-c0ffee53',
  flag: 'KP-MARKER-FLAG-c0ffee54',
} as const;

export const ALL_MARKERS: readonly string[] = Object.values(MARKERS);
