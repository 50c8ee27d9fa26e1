import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../src/model/parse/BpmnParser.js';
import { activity, fixture, fixtureFailure, messages, parseFailure, parseFixture, processOf } from './parseFixture.js';

describe('BpmnParser: resources and processes', () => {
  it('builds an immutable graph of nodes and flows from a minimal process', async () => {
    const process = await processOf('BpmnParser.minimal');
    expect(process).toMatchObject({ key: 'minimal', name: 'Minimal', isExecutable: true, initialActivityId: 'start' });
    expect([...process.activities.keys()]).toEqual(['start', 'task', 'end']);
    expect(activity(process, 'start')).toMatchObject({ type: 'startEvent', behavior: 'noneStartEvent', outgoing: ['toTask'], incoming: [] });
    expect(activity(process, 'task')).toMatchObject({ type: 'userTask', behavior: 'userTask', incoming: ['toTask'], outgoing: ['toEnd'] });
    expect(activity(process, 'end')).toMatchObject({ type: 'noneEndEvent', behavior: 'noneEndEvent', incoming: ['toEnd'] });
    expect(process.flows.get('toEnd')).toMatchObject({ name: 'done', sourceId: 'task', targetId: 'end', condition: null });
    expect(Object.isFrozen(process)).toBe(true);
    expect(Object.isFrozen(activity(process, 'task').outgoing)).toBe(true);
    expect(Object.isFrozen(activity(process, 'task').definition)).toBe(true);
  });

  it('records where each element ends its start tag, as Camunda reports positions', async () => {
    const process = await processOf('BpmnParser.minimal');
    const line = '    <bpmn:startEvent id="start" name="Start">';
    expect(activity(process, 'start')).toMatchObject({ line: 4, column: line.length + 1 });
  });

  it('returns the target namespace as the definitions category', async () => {
    const parsed = await parseFixture('BpmnParser.minimal');
    expect(parsed).toMatchObject({ resourceName: 'BpmnParser.minimal.bpmn', targetNamespace: 'http://bpmn.io/schema/bpmn', warnings: [] });
  });

  it('skips non-executable processes, and processes without isExecutable in a new deployment', async () => {
    const parsed = await parseFixture('BpmnParser.nonExecutable');
    expect(parsed.processes.map((p) => p.key)).toEqual(['executable']);
  });

  it('parses processes without isExecutable when re-reading an existing deployment', async () => {
    const parsed = await parseFixture('BpmnParser.nonExecutable', { isNewDeployment: false });
    expect(parsed.processes.map((p) => p.key)).toEqual(['withoutAttribute', 'executable']);
  });

  it('parses every executable process of a collaboration and ignores lanes, data objects and artifacts', async () => {
    const parsed = await parseFixture('BpmnParser.collaboration');
    expect(parsed.processes.map((p) => p.key)).toEqual(['customer', 'shop']);
    expect([...(parsed.processes[0]?.activities.keys() ?? [])]).toEqual(['customerStart', 'customerEnd']);
  });

  it('reads the process attributes Camunda keeps on the definition', async () => {
    const process = await processOf('BpmnParser.processAttributes');
    expect(process).toMatchObject({
      versionTag: 'v1.2',
      historyTimeToLive: 5,
      isStartableInTasklist: false,
      documentation: 'First part.\n\nSecond part.',
      candidateStarterUsers: ['fozzie', 'kermit', '${starter(a, b)}'],
      candidateStarterGroups: ['sales', 'accountancy', 'management'],
      jobPriority: '${prio}',
      taskPriority: '7',
      startFormKey: 'embedded:app:forms/start.html',
      initiatorVariable: 'initiator',
    });
    expect(process.executionListeners).toEqual([
      { event: 'start', kind: 'expression', value: '${audit.started(execution)}', scriptFormat: null, scriptResource: null, fields: [] },
    ]);
  });

  it('reads the legacy Activiti namespace as the Camunda namespace', async () => {
    const process = await processOf('BpmnParser.activitiNamespace');
    expect(process.initiatorVariable).toBe('starter');
    expect(activity(process, 'task')).toMatchObject({ asyncBefore: true, definition: { assignee: '${starter}' } });
    expect(activity(process, 'task').executionListeners).toMatchObject([{ event: 'end', value: '${done}' }]);
  });
});

describe('BpmnParser: problems', () => {
  it("throws Camunda's ParseException with each error as '* message | resource | line | column'", async () => {
    const { error, report } = await fixtureFailure('BpmnParser.noStartEvent');
    const processLine = '  <bpmn:process id="noStart" isExecutable="true">';
    expect(error.message).toBe(
      'ENGINE-09005 Could not parse BPMN process. Errors: ' +
        `\n* process must define a startEvent element | resource BpmnParser.noStartEvent.bpmn | line 3 | column ${processLine.length + 1}`,
    );
    expect(error.status).toBe(400);
    expect(report.errors).toEqual([
      { message: 'process must define a startEvent element', line: 3, column: processLine.length + 1, mainElementId: 'noStart', elementIds: ['noStart'] },
    ]);
  });

  it('reports each none start event beyond the first, naming it as main element', async () => {
    const { errors } = await fixtureFailure('BpmnParser.multipleNoneStarts');
    expect(errors).toMatchObject([
      {
        message: 'multiple none start events or timer start events not supported on process definition',
        mainElementId: 'second',
        elementIds: ['twoStarts', 'second'],
      },
    ]);
  });

  it("reports a malformed historyTimeToLive with Camunda's message on the process", async () => {
    const { errors } = await fixtureFailure('BpmnParser.invalidTtl');
    expect(errors).toMatchObject([{ message: 'Cannot parse historyTimeToLive: For input string: "PP555DDD"', mainElementId: 'invalidTtl' }]);
  });

  it('reports every element it cannot execute, naming type and id, instead of skipping it', async () => {
    const { errors } = await fixtureFailure('BpmnParser.unsupportedElements');
    expect(messages(errors)).toEqual([
      "M8-09001 Element type 'subProcess' (id 'sub') is not supported yet",
      "M8-09001 Element type 'boundaryEvent' (id 'timeout') is not supported yet",
      "M8-09001 Element type 'endEvent' with terminateEventDefinition (id 'terminate') is not supported yet",
    ]);
    expect(errors[0]).toMatchObject({ line: 6, mainElementId: 'sub', elementIds: ['sub'] });
  });

  it('gives a ParseException with a position for XML that is not well-formed', async () => {
    const { errors } = await fixtureFailure('BpmnParser.malformed');
    const line = '    <bpmn:startEvent id="start">';
    expect(errors).toEqual([
      { message: 'Could not read XML: closing tag mismatch at </bpmn:endEvent>', line: 4, column: line.length + 1, mainElementId: null, elementIds: [] },
    ]);
  });

  it('gives a ParseException for a document that is not BPMN definitions', async () => {
    const xml = '<?xml version="1.0"?>\n<beans xmlns="http://www.springframework.org/schema/beans"/>';
    const { errors } = await parseFailure('beans.xml', xml);
    expect(errors).toMatchObject([{ message: "cvc-elt.1.a: Cannot find the declaration of element 'beans'.", line: 2 }]);
  });

  it('gives a ParseException for an empty document', async () => {
    const { errors } = await parseFailure('empty.bpmn', '');
    expect(messages(errors)).toEqual(['Could not read XML: missing start tag']);
  });

  it('reports duplicate ids as the BPMN schema does, at the second occurrence', async () => {
    const { errors } = await fixtureFailure('BpmnParser.duplicateIds');
    const line = '    <bpmn:endEvent id="same" />';
    expect(errors).toEqual([
      { message: "cvc-id.2: There are multiple occurrences of ID value 'same'.", line: 5, column: line.length + 1, mainElementId: null, elementIds: [] },
    ]);
  });

  it('reports attributes the BPMN schema does not allow, but only warns about unknown camunda attributes', async () => {
    const { errors, report } = await fixtureFailure('BpmnParser.unknownAttributes');
    expect(messages(errors)).toEqual(["cvc-complex-type.3.2.2: Attribute 'invalidAttribute' is not allowed to appear in element 'bpmn:process'."]);
    expect(report.warnings).toMatchObject([{ message: 'unknown attribute <camunda:notACamundaAttribute>', mainElementId: 'start' }]);
  });

  it('deploys with warnings when only warnings were found', async () => {
    const parsed = await parseFixture('BpmnParser.camundaWarnings');
    expect(parsed.processes).toHaveLength(1);
    expect(messages(parsed.warnings ?? [])).toEqual(['unknown attribute <camunda:asignee>']);
  });

  it('reports unknown BPMN elements moddle would drop', async () => {
    const xml = fixture('BpmnParser.minimal').replace('<bpmn:endEvent id="end">', '<bpmn:endEvent id="end"><bpmn:madeUp />');
    const { errors } = await parseFailure('madeUp.bpmn', xml);
    expect(messages(errors)).toEqual(['Invalid content <bpmn:madeUp>: unknown type <bpmn:MadeUp>']);
  });

  it('collects the problems of all processes before throwing', async () => {
    const xml = fixture('BpmnParser.noStartEvent').replace(
      '</bpmn:definitions>',
      '<bpmn:process id="second" isExecutable="true"><bpmn:task id="plain" /></bpmn:process></bpmn:definitions>',
    );
    const { errors } = await parseFailure('two.bpmn', xml);
    expect(errors.map((e) => e.mainElementId)).toEqual(['noStart', 'plain', 'second']);
  });

  it('collapses whitespace around ids and references, as XML Schema validation does', async () => {
    const xml = fixture('BpmnParser.minimal').replace('id="toEnd"', 'id=" toEnd "').replace('sourceRef="task" targetRef="end"', 'sourceRef="task " targetRef="end"');
    const { processes } = await parseBpmn('padded.bpmn', xml);
    expect(processes[0]?.flows.get('toEnd')).toMatchObject({ sourceId: 'task', targetId: 'end' });
    expect(processes[0]?.activities.get('end')).toMatchObject({ line: 13 });
  });

  it('parses the same resource to equal graphs every time', async () => {
    const xml = fixture('BpmnParser.minimal');
    const [a, b] = await Promise.all([parseBpmn('a.bpmn', xml), parseBpmn('a.bpmn', xml)]);
    expect(a).toEqual(b);
  });
});
