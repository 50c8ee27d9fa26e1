import { checkListeners } from '../runtimeSupport.js';
import type { ConditionExpression } from '../../graph/ProcessGraph.js';
import { child, idOf, str, type ModdleElement } from '../../moddleAccess.js';
import { parseDocumentation } from '../camunda/attributes.js';
import { parseExecutionListeners } from '../camunda/listeners.js';
import { scriptPrecondition } from '../camunda/scripts.js';
import type { ElementModule, ProcessScope } from '../ProcessScope.js';

/** The id a reference names, even when moddle could not resolve it (kept in its warning). */
function referencedId(flow: ModdleElement, property: 'sourceRef' | 'targetRef', scope: ProcessScope): string | null {
  const resolved = child(flow, property);
  if (resolved !== null) return idOf(resolved);
  const warning = scope.ctx.document.warnings.find((w) => w.element === flow && w.property === `bpmn:${property}`);
  return warning?.value ?? null;
}

/**
 * `conditionExpression` (Camunda's `parseConditionExpression`): without `language` the trimmed
 * text is a JUEL expression; with one it is a script (inline text or `camunda:resource`) whose
 * language must have a runner. Returns undefined when a problem was recorded.
 */
function parseCondition(flow: ModdleElement, flowId: string, scope: ProcessScope): ConditionExpression | null | undefined {
  const expression = child(flow, 'conditionExpression');
  if (expression === null) return null;
  const text = (str(expression, 'body') ?? '').trim();
  const language = str(expression, 'language');
  if (language === null) return { language: 'juel', text, resource: null };
  const resource = str(expression, 'camunda:resource');
  const location = scope.ctx.within(flowId, 'bpmn:conditionExpression', 0);
  const failure = scriptPrecondition({ language, source: text, resource });
  if (failure !== null) {
    scope.ctx.error(`Unable to process condition expression:${failure}`, location, flowId);
    return undefined;
  }
  if (!scope.ctx.checkScriptLanguage(language, location, flowId)) return undefined;
  return { language, text, resource: resource === '' ? null : resource };
}

/** The flow's id; Camunda allows flows without one, m8flow names them after their position. */
function flowIdOf(flow: ModdleElement, scope: ProcessScope): string {
  const id = idOf(flow);
  if (id !== null) return id;
  const made = `${scope.processId}#flow${scope.flows.size + scope.anonymousFlowIds.size}`;
  scope.anonymousFlowIds.add(made);
  return made;
}

/**
 * Sequence flow (BPMN 2.0 §8.3.13, Camunda's `parseSequenceFlow`): source and target must be
 * flow nodes of the same process, else Camunda's "Invalid source/destination" error. Flows that
 * touch an element already reported (e.g. unsupported) are dropped without a second error.
 */
export const sequenceFlow: ElementModule = {
  phase: 'flow',
  parse(element: ModdleElement, scope: ProcessScope): void {
    const id = flowIdOf(element, scope);
    const sourceId = referencedId(element, 'sourceRef', scope);
    const targetId = referencedId(element, 'targetRef', scope);
    if ((sourceId !== null && scope.failedIds.has(sourceId)) || (targetId !== null && scope.failedIds.has(targetId))) {
      if (sourceId !== null) scope.incompleteIds.add(sourceId);
      return;
    }
    if (sourceId === null || !scope.activities.has(sourceId)) {
      scope.ctx.error(`Invalid source '${sourceId ?? 'null'}' of sequence flow '${idOf(element) ?? 'null'}'`, scope.at(element));
      return;
    }
    if (targetId === null || !scope.activities.has(targetId)) {
      scope.ctx.error(`Invalid destination '${targetId ?? 'null'}' of sequence flow '${idOf(element) ?? 'null'}'`, scope.at(element));
      return;
    }
    const condition = parseCondition(element, id, scope);
    if (condition === undefined) {
      scope.incompleteIds.add(sourceId);
      return;
    }
    const listeners = parseExecutionListeners(scope.ctx, element, idOf(element), true);
    checkListeners(element, scope, listeners, 'camunda:executionListener');
    scope.addFlow({
      id,
      name: str(element, 'name'),
      sourceId,
      targetId,
      condition,
      executionListeners: listeners,
      documentation: parseDocumentation(element),
    });
  },
};
