import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeActivities, createEngineFixture, deploy, q, start, type EngineFixture } from '../../helpers/engine.js';

describe('parallel gateway', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await createEngineFixture();
    await deploy(f.engine, __dirname, 'ParallelGateway.forkJoin', 'ParallelGateway.unbalanced');
  });
  afterAll(() => f.close());

  async function completeTask(processInstanceId: string, key: string) {
    const [task] = await f.engine.tasks.queryTasks(q({ processInstanceId, taskDefinitionKey: key }));
    if (!task) throw new Error(`no task ${key}`);
    await f.engine.tasks.complete(task.id, new Map());
  }

  it('forks into one waiting path per outgoing flow', async () => {
    const pi = await start(f.engine, 'forkJoin');
    expect(await activeActivities(f.engine, pi.instance.id)).toEqual(['a', 'b', 'c']);
    const tree = await f.engine.runtime.getActivityInstance(pi.instance.id);
    expect(tree?.executionIds).toHaveLength(1);
    expect(new Set(tree?.childActivityInstances.map((i) => i.executionIds[0])).size).toBe(3);
  });

  it('waits at the join until every incoming path arrived, then continues once', async () => {
    const pi = await start(f.engine, 'forkJoin');
    await completeTask(pi.instance.id, 'a');
    await completeTask(pi.instance.id, 'c');
    expect(await activeActivities(f.engine, pi.instance.id)).toEqual(['b', 'join', 'join']);
    await completeTask(pi.instance.id, 'b');
    expect(await activeActivities(f.engine, pi.instance.id)).toEqual(['after']);
    const tree = await f.engine.runtime.getActivityInstance(pi.instance.id);
    expect(tree?.childActivityInstances[0]?.executionIds).toEqual([pi.instance.id]);
    await completeTask(pi.instance.id, 'after');
    const [historic] = await f.engine.history.query('processInstance', q({ processInstanceId: pi.instance.id }));
    expect(historic?.state).toBe('COMPLETED');
    const joins = await f.engine.history.query('activityInstance', q({ processInstanceId: pi.instance.id, activityId: 'join' }));
    expect(joins).toHaveLength(3);
    expect(joins.every((j) => j.endTime !== null)).toBe(true);
  });

  it('collapses to the scope execution when the last concurrent path is left', async () => {
    const pi = await start(f.engine, 'unbalanced');
    expect(await activeActivities(f.engine, pi.instance.id)).toEqual(['a', 'b']);
    await completeTask(pi.instance.id, 'a');
    const tree = await f.engine.runtime.getActivityInstance(pi.instance.id);
    expect(tree?.childActivityInstances.map((i) => i.activityId)).toEqual(['b']);
    expect(tree?.childActivityInstances[0]?.executionIds).toEqual([pi.instance.id]);
    await completeTask(pi.instance.id, 'b');
    expect(await f.engine.runtime.countProcessInstances(q({ processInstanceIds: [pi.instance.id] }))).toBe(0);
  });
});
