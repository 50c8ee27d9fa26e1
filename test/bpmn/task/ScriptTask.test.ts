import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineFixture, deploy, q, start, type EngineFixture } from '../../helpers/engine.js';

describe('script task', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await createEngineFixture();
    await deploy(f.engine, __dirname, 'ScriptTask.javascript');
  });
  afterAll(() => f.close());

  it('runs JavaScript with variables bound, execution.setVariable and the result variable', async () => {
    const pi = await start(f.engine, 'scriptTask', { a: 2, b: 3 });
    const vars = Object.fromEntries((await f.engine.runtime.getVariables(pi.instance.id, false)).map((v) => [v.name, v.value]));
    expect(vars['sum']).toMatchObject({ type: 'Integer', value: 5 });
    expect(vars['status']).toMatchObject({ type: 'String', value: 'scripted' });
  });

  it('rolls the whole start back when the script throws', async () => {
    const before = await f.engine.runtime.countProcessInstances(q());
    await expect(start(f.engine, 'scriptTask', { a: 2, b: 3, fail: true })).rejects.toMatchObject({
      type: 'ScriptEvaluationException', message: expect.stringContaining('boom'),
    });
    expect(await f.engine.runtime.countProcessInstances(q())).toBe(before);
    expect(await f.engine.history.count('processInstance', q({ processDefinitionKey: 'scriptTask', unfinished: true }))).toBe(before);
  });
});
