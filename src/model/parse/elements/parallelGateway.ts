import type { ModdleElement } from '../../moddleAccess.js';
import { addActivity, checkCommonSupport } from '../activity.js';
import type { ElementModule, ProcessScope } from '../ProcessScope.js';

/**
 * Parallel gateway (BPMN 2.0 §10.6.4): forks on all outgoing flows, joins all incoming ones.
 * Conditions on its outgoing flows are ignored at run time, as in Camunda.
 */
export const parallelGateway: ElementModule = {
  phase: 'node',
  parse(element: ModdleElement, scope: ProcessScope): void {
    if (!checkCommonSupport(element, scope)) return;
    addActivity(element, scope, { type: 'parallelGateway', behavior: 'parallelGateway', definition: { kind: 'none' } });
  },
};
