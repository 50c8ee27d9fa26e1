import type { ModdleElement } from '../../moddleAccess.js';
import { addActivity, checkCommonSupport, defaultFlowId } from '../activity.js';
import type { ElementModule, ProcessScope } from '../ProcessScope.js';

/**
 * Exclusive gateway (BPMN 2.0 §10.6.2): the first outgoing flow whose condition holds, else the
 * `default` flow, else an error at run time. Its outgoing flows are checked once the process is
 * parsed (see validate.ts, Camunda's `validateExclusiveGateway`).
 */
export const exclusiveGateway: ElementModule = {
  phase: 'node',
  parse(element: ModdleElement, scope: ProcessScope): void {
    if (!checkCommonSupport(element, scope)) return;
    const definition = { kind: 'exclusiveGateway' as const, defaultFlowId: defaultFlowId(element, scope) };
    addActivity(element, scope, { type: 'exclusiveGateway', behavior: 'exclusiveGateway', definition });
  },
};
