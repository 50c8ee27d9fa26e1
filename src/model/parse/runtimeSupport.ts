import type { ListenerDefinition } from '../graph/ProcessGraph.js';
import type { ModdleElement } from '../moddleAccess.js';
import type { ActivityDraft, ProcessScope } from './ProcessScope.js';

/** Listener kinds the execution layer runs; `class` and `delegateExpression` need Java beans. */
const RUNNABLE_LISTENERS: readonly ListenerDefinition['kind'][] = ['expression', 'script'];

/**
 * Features the parser understands but the execution layer does not run yet. They are deploy-time
 * errors (M8-09002) rather than being skipped silently; each entry goes when its feature lands.
 */
export function checkRuntimeSupport(element: ModdleElement, scope: ProcessScope, node: ActivityDraft): void {
  if (!scope.ctx.checkRuntimeSupport) return;
  if (node.asyncBefore) scope.unsupportedFeature(element, "Attribute 'camunda:asyncBefore'");
  if (node.asyncAfter) scope.unsupportedFeature(element, "Attribute 'camunda:asyncAfter'");
  if (node.inputParameters.length > 0 || node.outputParameters.length > 0) {
    scope.unsupportedFeature(element, "Extension 'camunda:inputOutput'");
  }
  checkListeners(element, scope, node.executionListeners, 'camunda:executionListener');
  if (node.definition.kind === 'userTask') checkListeners(element, scope, node.definition.taskListeners, 'camunda:taskListener');
}

/** Listener kinds that cannot run are reported once per element and kind. */
export function checkListeners(element: ModdleElement, scope: ProcessScope, listeners: readonly ListenerDefinition[], tag: string): void {
  if (!scope.ctx.checkRuntimeSupport) return;
  const kinds = new Set(listeners.map((l) => l.kind).filter((kind) => !RUNNABLE_LISTENERS.includes(kind)));
  for (const kind of kinds) scope.unsupportedFeature(element, `Extension '${tag}' with '${kind}'`);
}
