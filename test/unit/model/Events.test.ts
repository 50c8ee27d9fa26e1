import { describe, expect, it } from 'vitest';
import { activity, fixtureFailure, messages, processOf } from './parseFixture.js';

describe('none start and end events', () => {
  it('makes the none start event the initial activity, with its form key and initiator variable', async () => {
    const process = await processOf('Events.noneEvents');
    expect(process).toMatchObject({ initialActivityId: 'start', startFormKey: 'app:start.html', initiatorVariable: 'starter' });
    expect(activity(process, 'start')).toMatchObject({
      type: 'startEvent',
      behavior: 'noneStartEvent',
      name: 'Order received',
      asyncBefore: true,
      definition: { kind: 'none' },
    });
  });

  it('parses a none end event with input parameters', async () => {
    const end = activity(await processOf('Events.noneEvents'), 'end');
    expect(end).toMatchObject({ type: 'noneEndEvent', behavior: 'noneEndEvent', name: 'Done' });
    expect(end.inputParameters).toEqual([{ name: 'finalState', value: { kind: 'text', text: 'done' } }]);
  });

  it('reports events with event definitions, and other event types, as not supported yet', async () => {
    const { errors } = await fixtureFailure('Events.unsupportedDefinitions');
    expect(messages(errors)).toEqual([
      "M8-09001 Element type 'startEvent' with timerEventDefinition (id 'timerStart') is not supported yet",
      "M8-09001 Element type 'startEvent' with messageEventDefinition (id 'messageStart') is not supported yet",
      "M8-09001 Element type 'endEvent' with errorEventDefinition (id 'errorEnd') is not supported yet",
      "M8-09001 Element type 'intermediateThrowEvent' (id 'noneThrow') is not supported yet",
    ]);
  });

  it('rejects input/output mappings on a start event and output parameters on an end event, as Camunda does', async () => {
    const { errors } = await fixtureFailure('Events.invalidIoMappings');
    expect(errors).toMatchObject([
      { message: "camunda:inputOutput mapping unsupported for element type 'startEvent'.", mainElementId: 'start' },
      { message: "camunda:outputParameter not allowed for element type 'endEvent'.", mainElementId: 'end' },
    ]);
  });
});
