import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeActivities, createEngineFixture, deploy, q, start, type EngineFixture } from '../../helpers/engine.js';

describe('conditional sequence flows', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await createEngineFixture();
    await deploy(f.engine, __dirname, 'ConditionalFlows.fromTask');
  });
  afterAll(() => f.close());

  async function leaveFirst(variables: Record<string, unknown>) {
    const pi = await start(f.engine, 'conditionalFlows', variables);
    const [task] = await f.engine.tasks.queryTasks(q({ processInstanceId: pi.instance.id }));
    await f.engine.tasks.complete(task?.id ?? '', new Map());
    return pi.instance.id;
  }

  it('takes every flow whose condition holds, forking like a parallel split', async () => {
    const pi = await leaveFirst({ a: true, b: true });
    expect(await activeActivities(f.engine, pi)).toEqual(['taskA', 'taskB']);
  });

  it('takes the only matching flow, and evaluates JavaScript conditions in the sandbox', async () => {
    expect(await activeActivities(f.engine, await leaveFirst({ a: false, b: true }))).toEqual(['taskB']);
  });

  it('takes the default flow when no condition holds', async () => {
    expect(await activeActivities(f.engine, await leaveFirst({ a: false, b: false }))).toEqual(['otherwise']);
  });

  it('ends the path at an activity without outgoing flows (implicit end)', async () => {
    const pi = await leaveFirst({ a: false, b: false });
    const [task] = await f.engine.tasks.queryTasks(q({ processInstanceId: pi }));
    await f.engine.tasks.complete(task?.id ?? '', new Map());
    const [historic] = await f.engine.history.query('processInstance', q({ processInstanceId: pi }));
    expect(historic).toMatchObject({ state: 'COMPLETED', endActivityId: 'otherwise' });
  });
});
