import { describe, expect, it } from 'vitest';
import { activity, fixtureFailure, parseFixture, processOf } from './parseFixture.js';

describe('exclusive gateway', () => {
  it('keeps the default flow and the outgoing flows in document order, the order conditions are tried in', async () => {
    const process = await processOf('ExclusiveGateway.defaultFlow');
    const gateway = activity(process, 'gateway');
    expect(gateway).toMatchObject({ type: 'exclusiveGateway', behavior: 'exclusiveGateway', outgoing: ['big', 'scripted', 'otherwise'] });
    expect(gateway.definition).toEqual({ kind: 'exclusiveGateway', defaultFlowId: 'otherwise' });
    expect(process.flows.get('big')?.condition).toEqual({ language: 'juel', text: '${amount > 1000}', resource: null });
    expect(process.flows.get('scripted')?.condition).toEqual({ language: 'javascript', text: 'amount < 0', resource: null });
    expect(process.flows.get('otherwise')?.condition).toBeNull();
  });

  it("reports Camunda's outgoing-flow errors, which name gateway and flow but carry no line", async () => {
    const { errors } = await fixtureFailure('ExclusiveGateway.invalidFlows');
    expect(errors).toEqual([
      { message: "Exclusive Gateway 'deadEnd' has no outgoing sequence flows.", line: 0, column: 0, mainElementId: 'deadEnd', elementIds: ['deadEnd'] },
      {
        message: "Exclusive Gateway 'single' has only one outgoing sequence flow ('onlyFlow'). This is not allowed to have a condition.",
        line: 0,
        column: 0,
        mainElementId: 'single',
        elementIds: ['single', 'onlyFlow'],
      },
      {
        message: "Exclusive Gateway 'withDefault' has outgoing sequence flow 'conditionalDefault' which is the default flow but has a condition too.",
        line: 0,
        column: 0,
        mainElementId: 'withDefault',
        elementIds: ['withDefault', 'conditionalDefault'],
      },
      {
        message: "Exclusive Gateway 'withDefault' has outgoing sequence flow 'unconditional' without condition which is not the default flow.",
        line: 0,
        column: 0,
        mainElementId: 'withDefault',
        elementIds: ['withDefault', 'unconditional'],
      },
    ]);
  });

  it('accepts a single unconditional flow without a default, with a warning', async () => {
    const parsed = await parseFixture('ExclusiveGateway.implicitDefault');
    expect(parsed.processes).toHaveLength(1);
    expect(parsed.warnings).toEqual([
      {
        message:
          "Exclusive Gateway 'gateway' has outgoing sequence flow 'no' without condition which is not the default flow. " +
          'We assume it to be the default flow, but it is bad modeling practice, better set the default flow in your gateway.',
        line: 0,
        column: 0,
        mainElementId: 'gateway',
        elementIds: ['gateway', 'no'],
      },
    ]);
  });
});
