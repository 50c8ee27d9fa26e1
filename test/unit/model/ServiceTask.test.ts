import { describe, expect, it } from 'vitest';
import { activity, fixtureFailure, messages, processOf } from './parseFixture.js';

describe('service task', () => {
  it('parses an external task with topic, priority and extension properties', async () => {
    const process = await processOf('ServiceTask.external');
    expect(activity(process, 'charge')).toMatchObject({
      type: 'serviceTask',
      behavior: 'externalServiceTask',
      name: 'Charge card',
      asyncBefore: true,
      definition: { kind: 'externalTask', topic: 'charge-card', priority: '${priority}' },
      properties: { retries: '3', owner: 'billing' },
    });
  });

  it('accepts camunda:type in any letter case and a topic expression', async () => {
    const process = await processOf('ServiceTask.external');
    expect(activity(process, 'upper').definition).toEqual({ kind: 'externalTask', topic: '${topicName}', priority: null });
  });

  it("reports Camunda's errors for a missing topic, a bad priority, an unknown type and no implementation", async () => {
    const { errors } = await fixtureFailure('ServiceTask.invalid');
    expect(messages(errors)).toEqual([
      "External tasks must specify a 'topic' attribute in the camunda namespace",
      "Value 'high' for attribute 'taskPriority' is not a valid number",
      "Invalid usage of type attribute on serviceTask: 'ftp'",
      "One of the attributes 'class', 'delegateExpression', 'type', or 'expression' is mandatory on serviceTask. " +
        'If you are using a connector, make sure the connect process engine plugin is registered with the process engine.',
    ]);
    expect(errors.map((e) => e.mainElementId)).toEqual(['noTopic', 'badPriority', 'badType', 'nothing']);
  });

  it('reports Java delegates, expressions, connectors, mail tasks and error mappings as not supported yet', async () => {
    const { errors } = await fixtureFailure('ServiceTask.unsupportedImplementations');
    expect(messages(errors)).toEqual([
      "M8-09002 Attribute 'camunda:class' on serviceTask 'javaClass' is not supported yet",
      "M8-09002 Attribute 'camunda:delegateExpression' on serviceTask 'delegate' is not supported yet",
      "M8-09002 Attribute 'camunda:expression' on serviceTask 'expression' is not supported yet",
      "M8-09002 Extension element 'camunda:connector' on serviceTask 'connector' is not supported yet",
      "M8-09002 Attribute camunda:type='mail' on serviceTask 'mail' is not supported yet",
      "M8-09002 Extension element 'camunda:errorEventDefinition' on serviceTask 'errorMapping' is not supported yet",
    ]);
  });
});
