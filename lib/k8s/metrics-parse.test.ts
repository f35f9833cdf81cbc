import { describe, expect, it } from 'vitest';
import { parseApiServerMetrics } from './metrics-parse';

const TEXT = `# HELP kubernetes_feature_enabled [BETA] This metric records the data about the stage and enablement of a k8s feature.
# TYPE kubernetes_feature_enabled gauge
kubernetes_feature_enabled{name="StorageVersionAPI",stage="ALPHA"} 1
kubernetes_feature_enabled{name="WatchList",stage="BETA"} 1
kubernetes_feature_enabled{name="AnyGA",stage=""} 1
kubernetes_feature_enabled{name="OffAlpha",stage="ALPHA"} 0
apiserver_audit_event_total 12
apiserver_audit_event_total{x="y"} 3
apiserver_requested_deprecated_apis{group="extensions",removed_release="1.22",resource="ingresses",subresource="",version="v1beta1"} 1
apiserver_storage_transformation_operations_total{status="OK",transformation_type="from_storage",transformer_prefix="k8s:enc:aescbc:v1:"} 4
garbage line without value
some_other_metric{a="b"} 7
`;

describe('parseApiServerMetrics', () => {
  const m = parseApiServerMetrics(TEXT);
  it('reads feature gates with their stage; an empty stage is GA', () => {
    expect(m.featureGates).toEqual([
      { name: 'AnyGA', stage: 'GA', enabled: true },
      { name: 'OffAlpha', stage: 'ALPHA', enabled: false },
      { name: 'StorageVersionAPI', stage: 'ALPHA', enabled: true },
      { name: 'WatchList', stage: 'BETA', enabled: true },
    ]);
  });
  it('sums audit events, lists deprecated APIs and storage transformers', () => {
    expect(m.auditEventTotal).toBe(15);
    expect(m.requestedDeprecatedApis).toEqual([{ group: 'extensions', version: 'v1beta1', resource: 'ingresses', removedRelease: '1.22' }]);
    expect(m.storageTransformers).toEqual(['k8s:enc:aescbc:v1:']);
  });
  it('tolerates empty input', () => {
    expect(parseApiServerMetrics('')).toEqual({ featureGates: [], auditEventTotal: undefined, requestedDeprecatedApis: [], storageTransformers: [] });
  });
});
