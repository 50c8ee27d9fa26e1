import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestFixture, deployFiles, type RestFixture } from '../helpers/restApp.js';
import { testDialect } from '../helpers/database.js';

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
  <process id="twoSteps" isExecutable="true">
    <startEvent id="start" />
    <sequenceFlow id="s1" sourceRef="start" targetRef="first" />
    <userTask id="first" />
    <sequenceFlow id="s2" sourceRef="first" targetRef="second" />
    <userTask id="second" />
  </process>
</definitions>`;

describe(`concurrent completion of one task on ${testDialect()}`, () => {
  let f: RestFixture;
  beforeAll(async () => {
    f = await createRestFixture();
    await deployFiles(f, [{ name: 'twoSteps.bpmn', xml: MODEL }]);
  });
  afterAll(() => f.close());

  it('completes the task exactly once and gives the other request a clean Camunda error', async () => {
    for (let round = 0; round < 5; round++) {
      const started = await f.api.post(`${f.root}/process-definition/key/twoSteps/start`).send({});
      const pi = started.body.id as string;
      const tasks = await f.api.get(`${f.root}/task`).query({ processInstanceId: pi });
      const taskId = tasks.body[0].id as string;
      const responses = await Promise.all([1, 2].map((n) =>
        f.api.post(`${f.root}/task/${taskId}/complete`).send({ variables: { by: { value: `request-${n}` } } })));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([204, 500]);
      const failed = responses.find((r) => r.status === 500);
      expect(failed?.body).toMatchObject({ type: 'RestException', message: expect.stringContaining(`Cannot complete task ${taskId}`) });
      expect(['number', 'object']).toContain(typeof failed?.body.code);

      const after = await f.api.get(`${f.root}/task`).query({ processInstanceId: pi });
      expect(after.body.map((t: { taskDefinitionKey: string }) => t.taskDefinitionKey)).toEqual(['second']);
      const history = await f.api.get(`${f.root}/history/task`).query({ processInstanceId: pi, taskDefinitionKey: 'first' });
      expect(history.body).toHaveLength(1);
      expect(history.body[0].deleteReason).toBe('completed');
      const variables = await f.api.get(`${f.root}/history/variable-instance`).query({ processInstanceId: pi, variableName: 'by' });
      expect(variables.status === 200 ? variables.body.length : 1).toBe(1);
    }
  });
});
