import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeActivities, createEngineFixture, deploy, q, start, type EngineFixture } from '../../helpers/engine.js';

describe('exclusive gateway', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await createEngineFixture();
    await deploy(f.engine, __dirname, 'ExclusiveGateway.conditions', 'ExclusiveGateway.noDefault');
  });
  afterAll(() => f.close());

  it('takes the flow whose condition holds', async () => {
    const pi = await start(f.engine, 'exclusiveConditions', { amount: 150 });
    expect(await activeActivities(f.engine, pi.instance.id)).toEqual(['medium']);
  });

  it('takes the default flow when no condition holds', async () => {
    const pi = await start(f.engine, 'exclusiveConditions', { amount: 5 });
    expect(await activeActivities(f.engine, pi.instance.id)).toEqual(['fallback']);
  });

  it('takes the first matching flow in document order even when a later one also matches', async () => {
    const pi = await start(f.engine, 'exclusiveConditions', { amount: 5000 });
    expect(await activeActivities(f.engine, pi.instance.id)).toEqual(['medium']);
  });

  it('fails with ENGINE-02004 when nothing matches and there is no default, leaving nothing behind', async () => {
    const before = await f.engine.runtime.countProcessInstances(q());
    await expect(start(f.engine, 'exclusiveNoDefault', { x: 1 })).rejects.toMatchObject({
      type: 'ProcessEngineException',
      message: "ENGINE-02004 No outgoing sequence flow for the element with id 'gw' could be selected for continuing the process.",
    });
    expect(await f.engine.runtime.countProcessInstances(q())).toBe(before);
  });

  it('reports an unknown variable in a condition with the expression and identifier', async () => {
    await expect(start(f.engine, 'exclusiveConditions', {})).rejects.toMatchObject({
      message: expect.stringContaining("Cannot resolve identifier 'amount'"),
    });
  });
});
