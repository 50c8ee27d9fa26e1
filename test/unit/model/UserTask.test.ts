import { describe, expect, it } from 'vitest';
import { activity, fixtureFailure, messages, processOf } from './parseFixture.js';

describe('user task', () => {
  it('reads the camunda assignment, date, priority and form attributes as expression text', async () => {
    const task = activity(await processOf('UserTask.camundaAttributes'), 'review');
    expect(task).toMatchObject({ type: 'userTask', behavior: 'userTask', name: 'Review ${invoice}' });
    expect(task.definition).toEqual({
      kind: 'userTask',
      name: 'Review ${invoice}',
      assignee: '${initiator}',
      candidateUsers: ['kermit', 'gonzo', "${users.of('a,b')}"],
      candidateGroups: ['management', 'accountancy'],
      dueDate: 'P2DT2H30M',
      followUpDate: '${followUp}',
      priority: '42',
      formKey: 'embedded:app:forms/review.html',
      documentation: 'Check the invoice.',
      taskListeners: [],
    });
  });

  it('maps humanPerformer to the assignee and potentialOwner to candidates as Camunda does', async () => {
    const process = await processOf('UserTask.resourceAssignment');
    expect(activity(process, 'performer').definition).toMatchObject({ assignee: 'kermit', candidateUsers: [], candidateGroups: [] });
    expect(activity(process, 'owners').definition).toMatchObject({
      assignee: null,
      candidateUsers: ['fozzie', '${boss}', 'kermit'],
      candidateGroups: ['management', 'accountancy'],
    });
  });

  it('rejects an assignee given both by humanPerformer and camunda:assignee', async () => {
    const { errors } = await fixtureFailure('UserTask.duplicateAssignee');
    expect(errors).toMatchObject([{ message: 'Invalid usage: duplicate assignee declaration for task my task', mainElementId: 'twice' }]);
  });

  it('reads class, expression, delegate expression and script task listeners with field injections', async () => {
    const task = activity(await processOf('UserTask.taskListeners'), 'listened');
    const listeners = task.definition.kind === 'userTask' ? task.definition.taskListeners : [];
    expect(listeners).toEqual([
      {
        event: 'create',
        kind: 'class',
        value: 'org.example.CreateListener',
        scriptFormat: null,
        scriptResource: null,
        fields: [
          { name: 'text', kind: 'string', value: 'hello' },
          { name: 'upper', kind: 'expression', value: '${text.toUpperCase()}' },
          { name: 'plain', kind: 'string', value: 'literal' },
        ],
      },
      { event: 'assignment', kind: 'expression', value: '${audit.assigned(task)}', scriptFormat: null, scriptResource: null, fields: [] },
      { event: 'complete', kind: 'delegateExpression', value: '${completer}', scriptFormat: null, scriptResource: null, fields: [] },
      {
        event: 'delete',
        kind: 'script',
        value: "task.setVariable('deleted', true);",
        scriptFormat: 'javascript',
        scriptResource: null,
        fields: [],
      },
    ]);
  });

  it("reports Camunda's task listener errors and the timeout listener m8flow cannot run", async () => {
    const { errors } = await fixtureFailure('UserTask.invalidTaskListeners');
    expect(messages(errors)).toEqual([
      "Attribute 'event' must be one of {create|assignment|complete|update|delete|timeout}",
      "Attribute 'event' is mandatory on taskListener",
      "Element 'class', 'expression', 'delegateExpression' or 'script' is mandatory on taskListener",
      "M8-09002 Task listener event 'timeout' on userTask 'invalid' is not supported yet",
    ]);
    expect(errors[2]).toMatchObject({ line: 9, mainElementId: 'invalid', elementIds: ['invalid'] });
  });

  it('reports generated forms, Camunda Forms and multi-instance as not supported yet', async () => {
    const { errors } = await fixtureFailure('UserTask.unsupportedForms');
    expect(messages(errors)).toEqual([
      "M8-09002 Extension element 'camunda:formData' on userTask 'generated' is not supported yet",
      "M8-09002 Attribute 'camunda:formRef' on userTask 'camundaForm' is not supported yet",
      'Invalid element definition: only one of the attributes formKey and formRef is allowed.',
      "M8-09001 Element type 'userTask' with multiInstanceLoopCharacteristics (id 'multi') is not supported yet",
    ]);
  });
});
