import { describe, expect, it } from 'vitest';
import { activity, fixtureFailure, messages, parseFixture, processOf } from './parseFixture.js';

describe('camunda extensions common to flow nodes', () => {
  it('reads async flags (camunda:async is the legacy asyncBefore), job settings, documentation and default flow', async () => {
    const task = activity(await processOf('CamundaExtensions.common'), 'task');
    expect(task).toMatchObject({
      asyncBefore: true,
      asyncAfter: true,
      exclusive: false,
      jobPriority: '10',
      failedJobRetryTimeCycle: 'R5/PT5M',
      documentation: 'Line one',
      defaultFlowId: 'fallback',
      properties: { color: 'red' },
    });
  });

  it('reads execution listeners with field injections and script resources', async () => {
    const task = activity(await processOf('CamundaExtensions.common'), 'task');
    expect(task.executionListeners).toEqual([
      { event: 'start', kind: 'delegateExpression', value: '${logger}', scriptFormat: null, scriptResource: null, fields: [{ name: 'level', kind: 'string', value: 'info' }] },
      { event: 'end', kind: 'script', value: '', scriptFormat: 'javascript', scriptResource: 'deployment://end.js', fields: [] },
    ]);
  });

  it('warns that standard loops are ignored, as Camunda ignores them', async () => {
    const parsed = await parseFixture('CamundaExtensions.common');
    expect(parsed.warnings).toMatchObject([{ message: 'standardLoopCharacteristics are ignored (Camunda 7 does not execute them)', mainElementId: 'task' }]);
  });

  it('reads input/output parameters: text, expressions, null, nested lists and maps, scripts', async () => {
    const task = activity(await processOf('CamundaExtensions.inputOutput'), 'task');
    expect(task.inputParameters).toEqual([
      { name: 'constant', value: { kind: 'text', text: 'hello' } },
      { name: 'expression', value: { kind: 'text', text: '${order.total}' } },
      { name: 'nothing', value: { kind: 'null' } },
      {
        name: 'list',
        value: {
          kind: 'list',
          items: [
            { kind: 'text', text: 'a' },
            { kind: 'text', text: '${b}' },
            { kind: 'list', items: [{ kind: 'text', text: 'nested' }] },
          ],
        },
      },
      {
        name: 'map',
        value: {
          kind: 'map',
          entries: [
            { key: 'plain', value: { kind: 'text', text: '1' } },
            { key: '${dynamicKey}', value: { kind: 'list', items: [{ kind: 'text', text: 'x' }] } },
          ],
        },
      },
    ]);
    expect(task.outputParameters).toEqual([
      { name: 'script', value: { kind: 'script', language: 'javascript', source: 'sum * 2', resource: null } },
    ]);
  });

  it("reports Camunda's listener, field, parameter and priority errors where the offending element is", async () => {
    const { errors } = await fixtureFailure('CamundaExtensions.invalid');
    expect(messages(errors)).toEqual([
      "Attribute 'event' must be one of {start|end}",
      "Attribute 'event' is mandatory on listener",
      "Attribute 'class' cannot be empty",
      "Missing attribute 'scriptFormat' for 'script' element",
      "M8-09003 Script language 'groovy' is not supported (supported: javascript, js, ecmascript, juel)",
      'One of the following is mandatory on a field declaration: one of attributes stringValue|expression or one of child elements string|expression',
      "Value 'urgent' for attribute 'jobPriority' is not a valid number",
      "Missing attribute 'name' for inputParameter",
      "Missing attribute 'key' for 'entry' element",
      "camunda:inputOutput mapping unsupported for element type 'parallelGateway'.",
      "M8-09001 Element type 'userTask' with isForCompensation='true' (id 'compensation') is not supported yet",
    ]);
    expect(errors[0]).toMatchObject({ line: 7, mainElementId: 'listeners', elementIds: ['listeners'] });
    expect(errors[5]).toMatchObject({ line: 16, mainElementId: null, elementIds: [] });
    expect(errors[7]).toMatchObject({ line: 23, mainElementId: 'unnamedParameter' });
  });
});
