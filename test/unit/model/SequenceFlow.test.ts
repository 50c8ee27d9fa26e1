import { describe, expect, it } from 'vitest';
import { fixtureFailure, messages, processOf } from './parseFixture.js';

describe('sequence flow', () => {
  it("reports sources and targets that are not flow nodes of the same process with Camunda's messages", async () => {
    const { errors, report } = await fixtureFailure('SequenceFlow.references');
    expect(messages(errors)).toEqual([
      "Invalid destination 'nowhere' of sequence flow 'toNowhere'",
      "Invalid source 'ghost' of sequence flow 'fromNowhere'",
      "Invalid destination 'otherEnd' of sequence flow 'toOtherProcess'",
    ]);
    expect(errors[0]).toMatchObject({ line: 5, mainElementId: 'toNowhere', elementIds: ['toNowhere'] });
    expect(messages(report.warnings)).toEqual(['unresolved reference <nowhere>', 'unresolved reference <ghost>']);
  });

  it('trims JUEL conditions, keeps script resources, and fires every flow listener on take', async () => {
    const process = await processOf('SequenceFlow.conditionsAndListeners');
    expect(process.flows.get('juel')).toMatchObject({
      condition: { language: 'juel', text: '${customer.vip}', resource: null },
      documentation: 'Only for VIPs',
      executionListeners: [
        { event: 'take', kind: 'expression', value: '${taken}' },
        { event: 'take', kind: 'class', value: 'org.example.Audit' },
      ],
    });
    expect(process.flows.get('fromResource')?.condition).toEqual({ language: 'javascript', text: '', resource: 'deployment://condition.js' });
  });

  it('reports unsupported and blank condition languages, and a flow without id after asyncAfter', async () => {
    const { errors } = await fixtureFailure('SequenceFlow.invalidConditions');
    expect(messages(errors)).toEqual([
      "M8-09003 Script language 'python' is not supported (supported: javascript, js, ecmascript, juel)",
      'Unable to process condition expression:Script language is empty',
      "Sequence flow with sourceRef='start' must have an id, activity with id 'start' uses 'asyncAfter'.",
    ]);
    expect(errors[0]).toMatchObject({ line: 6, mainElementId: 'python' });
  });
});
