import { children, tagName, type ModdleElement } from '../../moddleAccess.js';
import { addActivity, checkCommonSupport } from '../activity.js';
import type { ElementModule, ProcessScope } from '../ProcessScope.js';

/**
 * None end event (BPMN 2.0 §10.5.3, no event definition): type `noneEndEvent`, behaviour
 * `noneEndEvent`. Error, terminate, message, signal, escalation, compensation and cancel end
 * events are not supported yet.
 */
export const endEvent: ElementModule = {
  phase: 'node',
  parse(element: ModdleElement, scope: ProcessScope): void {
    const [definition] = children(element, 'eventDefinitions');
    if (definition !== undefined) {
      scope.unsupportedElement(element, tagName(definition.$type));
      return;
    }
    if (!checkCommonSupport(element, scope)) return;
    addActivity(element, scope, { type: 'noneEndEvent', behavior: 'noneEndEvent', definition: { kind: 'none' } });
  },
};
