import { describe, expect, it } from 'vitest';
import type { NetworkPolicyInfo } from '../../../../model/inventory';
import { cidrContains, egressAllows, ipv4ToInt } from './netpol';

const policy = (egress: NetworkPolicyInfo['egress']): NetworkPolicyInfo => ({
  meta: { name: 'p', namespace: 'web', labels: {}, annotations: {} },
  podSelector: {},
  policyTypes: ['Egress'],
  ingress: [],
  egress,
});

describe('CIDR arithmetic', () => {
  it('parses and contains IPv4 addresses', () => {
    expect(ipv4ToInt('10.0.0.1')).toBe(167772161);
    expect(ipv4ToInt('256.0.0.1')).toBeUndefined();
    expect(cidrContains('0.0.0.0/0', '169.254.169.254')).toBe(true);
    expect(cidrContains('169.254.0.0/16', '169.254.169.254')).toBe(true);
    expect(cidrContains('169.254.169.254/32', '169.254.169.254')).toBe(true);
    expect(cidrContains('10.0.0.0/8', '169.254.169.254')).toBe(false);
    expect(cidrContains('::/0', '169.254.169.254')).toBe(false);
  });
});

describe('egressAllows', () => {
  const ip = '169.254.169.254';
  it('allows everything for a rule without peers and ports', () => {
    expect(egressAllows(policy([{ to: [], ports: [] }]), ip)).toBe(true);
  });
  it('honours ipBlock.except', () => {
    expect(egressAllows(policy([{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] } }], ports: [] }]), ip)).toBe(false);
    expect(egressAllows(policy([{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [] }]), ip)).toBe(true);
  });
  it('never lets pod or namespace selectors reach a link-local address', () => {
    expect(egressAllows(policy([{ to: [{ namespaceSelector: {} }], ports: [] }]), ip)).toBe(false);
  });
  it('only allows the metadata port when the rule allows port 80/TCP', () => {
    expect(egressAllows(policy([{ to: [], ports: [{ port: 53, protocol: 'UDP' }] }]), ip)).toBe(false);
    expect(egressAllows(policy([{ to: [], ports: [{ port: '80' }] }]), ip)).toBe(true);
  });
  it('denies everything for an egress policy with no rules', () => {
    expect(egressAllows(policy([]), ip)).toBe(false);
  });
});
