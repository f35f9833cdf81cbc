import { describe, expect, it } from 'vitest';
import { layoutArchitecture } from '../layout/architecture-layout';
import type { Architecture } from '../model/architecture';
import weak from '../layout/__fixtures__/architecture-weak.json' with { type: 'json' };
import { nearestInDirection } from './spatial-nav';

const layout = layoutArchitecture(weak as unknown as Architecture);
const boxes = layout.boxes.filter((b) => b.componentId);
const box = (id: string) => boxes.find((b) => b.id === id)!;

describe('nearestInDirection', () => {
  it('goes from the clients down to the API server', () => {
    expect(nearestInDirection(box('clients'), boxes, 'down')?.id).toBe('control-plane/kube-apiserver/cp-1');
  });
  it('moves sideways inside the control plane', () => {
    expect(nearestInDirection(box('control-plane/kube-apiserver/cp-1'), boxes, 'right')?.id).toBe('control-plane/etcd/cp-1');
  });
  it('goes between node parts left and right', () => {
    expect(nearestInDirection(box('node/worker-1/kubelet'), boxes, 'right')?.id).toBe('node/worker-1/container-runtime');
  });
  it('returns nothing past the edge', () => {
    expect(nearestInDirection(box('clients'), boxes, 'up')).toBeUndefined();
  });
});
