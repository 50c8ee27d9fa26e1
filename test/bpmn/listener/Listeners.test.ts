import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineFixture, deploy, q, start, type EngineFixture } from '../../helpers/engine.js';

describe('execution and task listeners', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await createEngineFixture();
    await deploy(f.engine, __dirname, 'Listeners.scriptAndExpression');
  });
  afterAll(() => f.close());

  async function variable(piId: string, name: string) {
    const [row] = await f.engine.history.query('variableInstance', q({ processInstanceId: piId, variableName: name }));
    return row ? f.engine.history : undefined;
  }

  it('fires process, activity, take and task listeners in Camunda order', async () => {
    const pi = await start(f.engine, 'listeners');
    const values = Object.fromEntries((await f.engine.runtime.getVariables(pi.instance.id, false)).map((v) => [v.name, v.value.value]));
    expect(values['log']).toBe('process-start,start-end,take-take,review-start,create-demo,assignment-demo');
    const [task] = await f.engine.tasks.queryTasks(q({ processInstanceId: pi.instance.id }));
    expect(task?.priority).toBe(99);
  });

  it('fires assignment listeners on claim and complete listeners before the process ends', async () => {
    const pi = await start(f.engine, 'listeners');
    const [task] = await f.engine.tasks.queryTasks(q({ processInstanceId: pi.instance.id }));
    await f.engine.tasks.setAssignee(task?.id ?? '', 'kermit');
    await f.engine.tasks.complete(task?.id ?? '', new Map());
    const history = await f.engine.history.query('variableInstance', q({ processInstanceId: pi.instance.id }));
    const byName = Object.fromEntries(history.map((h) => [h.name, h]));
    expect(byName['completedBy']?.textValue).toBe('kermit');
    expect(byName['ended']?.longValue).toBe(1);
    expect(byName['log']?.textValue).toContain('assignment-kermit');
    void variable;
  });

  it('fires task delete and end listeners when the instance is deleted, unless skipCustomListeners', async () => {
    const pi = await start(f.engine, 'listeners');
    await f.engine.runtime.deleteProcessInstance(pi.instance.id);
    const deleted = await f.engine.history.query('variableInstance', q({ processInstanceId: pi.instance.id, variableName: 'deleted' }));
    expect(deleted).toHaveLength(1);
    const skipped = await start(f.engine, 'listeners');
    await f.engine.runtime.deleteProcessInstance(skipped.instance.id, { skipCustomListeners: true });
    expect(await f.engine.history.query('variableInstance', q({ processInstanceId: skipped.instance.id, variableName: 'deleted' }))).toHaveLength(0);
  });

  it('fires no execution or task listener of the model when started with skipCustomListeners', async () => {
    const pi = await f.engine.runtime.startProcessInstance({ processDefinitionKey: 'listeners', skipCustomListeners: true });
    expect(await f.engine.runtime.getVariables(pi.instance.id, false)).toEqual([]);
    const [task] = await f.engine.tasks.queryTasks(q({ processInstanceId: pi.instance.id }));
    expect(task?.priority).toBe(50);
  });

  it('rejects Java class listeners at deployment with a clear message', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
  <process id="javaListener" isExecutable="true">
    <startEvent id="start"><extensionElements><camunda:executionListener event="start" class="com.acme.Listener" /></extensionElements></startEvent>
  </process>
</definitions>`;
    await expect(f.engine.repository.deploy({
      name: 'java', source: null, tenantId: null, enableDuplicateFiltering: false, deployChangedOnly: false,
      resources: [{ name: 'java.bpmn', bytes: Buffer.from(xml) }],
    })).rejects.toMatchObject({ type: 'ParseException', message: expect.stringContaining("M8-09002 Extension 'camunda:executionListener' with 'class' on startEvent 'start' is not supported yet") });
  });
});
