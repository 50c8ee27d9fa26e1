import { describe, expect, it } from 'vitest';
import { isEngineError } from '../../../src/errors/EngineError.js';
import { DeploymentCache, type StoredProcessResource } from '../../../src/model/DeploymentCache.js';
import { fixture, processOf } from './parseFixture.js';

function storedMinimal(key = 'minimal'): StoredProcessResource {
  return { xml: fixture('BpmnParser.minimal'), resourceName: 'minimal.bpmn', key, deploymentId: 'd1' };
}

describe('deployment cache', () => {
  it('returns a graph put at deployment without loading', async () => {
    const cache = new DeploymentCache();
    const graph = await processOf('BpmnParser.minimal');
    cache.put('minimal:1:abc', graph);
    const loaded = await cache.get('minimal:1:abc', () => Promise.reject(new Error('must not load')));
    expect(loaded).toBe(graph);
  });

  it('rebuilds a missing graph lazily from the stored XML, once for concurrent callers', async () => {
    const cache = new DeploymentCache();
    let loads = 0;
    const load = async (): Promise<StoredProcessResource> => {
      loads += 1;
      return storedMinimal();
    };
    const [a, b] = await Promise.all([cache.get('minimal:1:abc', load), cache.get('minimal:1:abc', load)]);
    expect(a).toBe(b);
    expect(a.key).toBe('minimal');
    expect(loads).toBe(1);
    expect(cache.peek('minimal:1:abc')).toBe(a);
  });

  it('fails like Camunda when the stored resource no longer holds the process', async () => {
    const cache = new DeploymentCache();
    const error: unknown = await cache.get('gone:1:x', async () => storedMinimal('gone')).catch((e: unknown) => e);
    expect(isEngineError(error, 'nullValue')).toBe(true);
    expect((error as Error).message).toBe("deployment 'd1' didn't put process definition 'gone:1:x' in the cache: cachedProcessDefinition is null");
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used graph beyond its capacity', async () => {
    const cache = new DeploymentCache({ maxEntries: 2 });
    const graph = await processOf('BpmnParser.minimal');
    cache.put('a', graph);
    cache.put('b', graph);
    await cache.get('a', async () => storedMinimal());
    cache.put('c', graph);
    expect([cache.peek('a'), cache.peek('b'), cache.peek('c')].map((g) => g !== undefined)).toEqual([true, false, true]);
    cache.remove('a');
    expect(cache.size).toBe(1);
  });
});
