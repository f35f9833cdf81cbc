import { describe, expect, it } from 'vitest';
import { projectNode } from './node';

describe('projectNode', () => {
  it('projects identity, versions, capacity and conditions', () => {
    const n = projectNode({
      metadata: { name: 'worker-1', labels: { 'topology.kubernetes.io/zone': 'a' } },
      spec: { providerID: 'aws:///eu-west-1a/i-1', podCIDR: '10.0.1.0/24', taints: [{ key: 'k', effect: 'NoSchedule' }] },
      status: {
        addresses: [{ type: 'InternalIP', address: '10.0.0.5' }],
        nodeInfo: {
          kubeletVersion: 'v1.31.2',
          kubeProxyVersion: '',
          containerRuntimeVersion: 'containerd://2.1.4',
          osImage: 'Ubuntu 24.04',
          kernelVersion: '6.8.0',
          operatingSystem: 'linux',
          architecture: 'amd64',
          bootID: 'b',
          machineID: 'm',
          systemUUID: 's',
        },
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        capacity: { cpu: '4', memory: '16Gi', pods: '110' },
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
      },
    });
    expect(n).toEqual({
      meta: { name: 'worker-1', labels: { 'topology.kubernetes.io/zone': 'a' }, annotations: {} },
      providerID: 'aws:///eu-west-1a/i-1',
      podCIDR: '10.0.1.0/24',
      taints: [{ key: 'k', effect: 'NoSchedule' }],
      addresses: [{ type: 'InternalIP', address: '10.0.0.5' }],
      nodeInfo: {
        kubeletVersion: 'v1.31.2',
        containerRuntimeVersion: 'containerd://2.1.4',
        osImage: 'Ubuntu 24.04',
        kernelVersion: '6.8.0',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      kubeletPort: 10250,
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
      allocatable: {},
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
    });
  });
});
