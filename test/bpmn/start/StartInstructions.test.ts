import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartInstruction } from '../../../src/api.js';
import { activeActivities, createEngineFixture, deploy, q, vars, type EngineFixture } from '../../helpers/engine.js';

describe('start instructions', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await createEngineFixture();
    await deploy(f.engine, __dirname, 'StartInstructions.steps');
  });
  afterAll(() => f.close());

  const start = (startInstructions: readonly StartInstruction[]) =>
    f.engine.runtime.startProcessInstance({ processDefinitionKey: 'steps', startInstructions });

  it('starts before an activity instead of at the start event, recording it as the start activity', async () => {
    const pi = await start([{ type: 'startBeforeActivity', activityId: 'second', localVariables: vars({ note: 'x' }) }]);
    expect(await activeActivities(f.engine, pi.instance.id)).toEqual(['second']);
    const [historic] = await f.engine.history.query('processInstance', q({ processInstanceId: pi.instance.id }));
    expect(historic?.startActivityId).toBe('second');
    expect(await f.engine.history.count('activityInstance', q({ processInstanceId: pi.instance.id, activityId: 'start' }))).toBe(0);
  });

  it('starts after an activity by taking its only outgoing flow, with its take listeners', async () => {
    const pi = await start([{ type: 'startAfterActivity', activityId: 'first' }]);
    expect(await activeActivities(f.engine, pi.instance.id)).toEqual(['second']);
    const values = Object.fromEntries((await f.engine.runtime.getVariables(pi.instance.id, false)).map((v) => [v.name, v.value.value]));
    expect(values['took']).toBe(true);
  });

  it('starts several activities concurrently and completes once every path ended', async () => {
    const pi = await start([
      { type: 'startBeforeActivity', activityId: 'third' },
      { type: 'startTransition', transitionId: 'toSecond' },
    ]);
    expect(await activeActivities(f.engine, pi.instance.id)).toEqual(['second', 'third']);
    for (const key of ['third', 'second', 'third']) {
      const [task] = await f.engine.tasks.queryTasks(q({ processInstanceId: pi.instance.id, taskDefinitionKey: key }));
      await f.engine.tasks.complete(task?.id ?? '', new Map());
    }
    const [historic] = await f.engine.history.query('processInstance', q({ processInstanceId: pi.instance.id }));
    expect(historic?.state).toBe('COMPLETED');
  });

  it('rejects unknown targets with Camunda\'s messages and starts nothing', async () => {
    const before = await f.engine.runtime.countProcessInstances(q());
    await expect(start([{ type: 'startBeforeActivity', activityId: 'nope' }])).rejects.toMatchObject({
      type: 'NotValidException', message: expect.stringMatching(/^Cannot perform instruction: Start before activity 'nope'; Element 'nope' does not exist in process 'steps:1:/),
    });
    await expect(start([{ type: 'startAfterActivity', activityId: 'third' }])).resolves.toBeDefined();
    await expect(start([{ type: 'startAfterActivity', activityId: 'end' }])).rejects.toMatchObject({
      message: 'Cannot start after activity end; activity has no outgoing sequence flow to take',
    });
    expect(await f.engine.runtime.countProcessInstances(q())).toBe(before);
  });
});
