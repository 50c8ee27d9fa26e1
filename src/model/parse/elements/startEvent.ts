import { children, idOf, str, tagName, type ModdleElement } from '../../moddleAccess.js';
import { addActivity, checkCommonSupport } from '../activity.js';
import { parseFormKey } from '../camunda/forms.js';
import type { ElementModule, ProcessScope } from '../ProcessScope.js';

/**
 * None start event (BPMN 2.0 §10.5.2, no event definition): type `startEvent`, behaviour
 * `noneStartEvent`. Contributes the start form key and `camunda:initiator` (Camunda's
 * `parseProcessDefinitionStartEvent`). Start events with an event definition (timer, message,
 * signal, conditional, …) are not supported yet.
 */
export const startEvent: ElementModule = {
  phase: 'node',
  parse(element: ModdleElement, scope: ProcessScope): void {
    scope.startEventCount += 1;
    const [definition] = children(element, 'eventDefinitions');
    if (definition !== undefined) {
      scope.unsupportedElement(element, tagName(definition.$type));
      return;
    }
    if (!checkCommonSupport(element, scope)) return;
    const formKey = parseFormKey(element, scope);
    const initiator = str(element, 'camunda:initiator');
    if (initiator !== null) scope.initiatorVariable = initiator;
    scope.noneStartEventIds.push(idOf(element) ?? '');
    if (scope.noneStartEventIds.length === 1) scope.startFormKey = formKey;
    addActivity(element, scope, { type: 'startEvent', behavior: 'noneStartEvent', definition: { kind: 'none' } });
  },
};
