import type { ExternalTaskDefinition } from '../../graph/ProcessGraph.js';
import { extensionValues, str, type ModdleElement } from '../../moddleAccess.js';
import { addActivity, checkCommonSupport } from '../activity.js';
import { parsePriority } from '../camunda/attributes.js';
import type { ElementModule, ProcessScope } from '../ProcessScope.js';

const MANDATORY_IMPLEMENTATION =
  "One of the attributes 'class', 'delegateExpression', 'type', or 'expression' is mandatory on serviceTask. " +
  'If you are using a connector, make sure the connect process engine plugin is registered with the process engine.';

/**
 * The external-task definition (Camunda's `parseExternalServiceTask`): `camunda:topic` is
 * mandatory, `camunda:taskPriority` must be a number or an expression. `camunda:errorEventDefinition`
 * children need error events, which m8flow does not have yet.
 */
function parseExternal(element: ModdleElement, scope: ProcessScope): ExternalTaskDefinition | null {
  const topic = str(element, 'camunda:topic');
  const priority = parsePriority(scope.ctx, element, 'taskPriority');
  if (extensionValues(element).some((value) => value.$type === 'camunda:ErrorEventDefinition')) {
    scope.unsupportedFeature(element, "Extension element 'camunda:errorEventDefinition'");
  }
  if (topic === null) {
    scope.ctx.error("External tasks must specify a 'topic' attribute in the camunda namespace", scope.at(element));
    scope.failed(element);
    return null;
  }
  return { kind: 'externalTask', topic, priority };
}

/**
 * Reports the implementations m8flow cannot run yet, in Camunda's order of precedence
 * (`parseServiceTaskLike`): `camunda:type` (other than external), `class`, `delegateExpression`,
 * `expression`, a connector; or Camunda's error when there is none at all.
 */
function reportOtherImplementation(element: ModdleElement, scope: ProcessScope, type: string | null): void {
  const className = str(element, 'camunda:class');
  const expression = str(element, 'camunda:expression');
  if (type !== null) {
    if (['mail', 'shell'].includes(type.toLowerCase())) scope.unsupportedFeature(element, `Attribute camunda:type='${type}'`);
    else scope.ctx.error(`Invalid usage of type attribute on serviceTask: '${type}'`, scope.at(element));
  } else if (className !== null && className.trim() !== '') {
    scope.unsupportedFeature(element, "Attribute 'camunda:class'");
  } else if (str(element, 'camunda:delegateExpression') !== null) {
    scope.unsupportedFeature(element, "Attribute 'camunda:delegateExpression'");
  } else if (expression !== null && expression.trim() !== '') {
    scope.unsupportedFeature(element, "Attribute 'camunda:expression'");
  } else if (extensionValues(element).some((value) => value.$type === 'camunda:Connector')) {
    scope.unsupportedFeature(element, "Extension element 'camunda:connector'");
  } else {
    scope.ctx.error(MANDATORY_IMPLEMENTATION, scope.at(element));
  }
  scope.failed(element);
}

/**
 * Service task (BPMN 2.0 §10.3.3). m8flow runs the external-task pattern only
 * (`camunda:type="external"` + `camunda:topic`): type `serviceTask`, behaviour
 * `externalServiceTask`. Java delegates, expressions and connectors are not supported yet.
 */
export const serviceTask: ElementModule = {
  phase: 'node',
  parse(element: ModdleElement, scope: ProcessScope): void {
    if (!checkCommonSupport(element, scope)) return;
    const type = str(element, 'camunda:type');
    if (type === null || type.toLowerCase() !== 'external') {
      reportOtherImplementation(element, scope, type);
      return;
    }
    const definition = parseExternal(element, scope);
    if (definition === null) return;
    addActivity(element, scope, { type: 'serviceTask', behavior: 'externalServiceTask', definition });
  },
};
