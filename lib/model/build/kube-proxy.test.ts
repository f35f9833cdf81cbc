import { describe, expect, it } from 'vitest';
import { emptyInventory } from '../inventory';
import { configuredMode, proxyMode } from './kube-proxy';

const src = { kind: 'Pod', namespace: 'kube-system', name: 'kube-proxy-x' };

describe('kube-proxy mode', () => {
  it('reads the top-level mode of a KubeProxyConfiguration', () => {
    expect(configuredMode('apiVersion: x\nmode: ipvs\n')).toBe('ipvs');
    expect(configuredMode("mode: 'nftables' # new\n")).toBe('nftables');
    expect(configuredMode('mode: ""\n')).toBeUndefined();
    expect(configuredMode('ipvs:\n  mode: rr\n')).toBeUndefined();
  });

  it('prefers the config file when --config is set, then the flag, then the default', () => {
    const inv = emptyInventory({ context: 'c', server: 's' });
    inv.configMaps.kubeProxyConfiguration = 'mode: ipvs';
    expect(proxyMode({ config: '/c', 'proxy-mode': 'iptables' }, inv, src).mode).toBe('ipvs');
    expect(proxyMode({ 'proxy-mode': 'nftables' }, inv, src)).toEqual({ mode: 'nftables', modeSource: 'Pod kube-system/kube-proxy-x · --proxy-mode' });
    expect(proxyMode({}, emptyInventory({ context: 'c', server: 's' }), src).mode).toBe('iptables');
  });
});
