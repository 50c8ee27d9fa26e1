import { describe, expect, it } from 'vitest';
import { activity, processOf } from './parseFixture.js';

describe('parallel gateway', () => {
  it('parses fork and join with all their flows and async flags', async () => {
    const process = await processOf('ParallelGateway.forkJoin');
    expect(activity(process, 'fork')).toMatchObject({
      type: 'parallelGateway',
      behavior: 'parallelGateway',
      outgoing: ['a', 'b'],
      asyncAfter: true,
      definition: { kind: 'none' },
    });
    expect(activity(process, 'join')).toMatchObject({ incoming: ['a', 'b'], outgoing: ['toEnd'] });
  });
});
