import type { ActivityDefinition } from '../graph/ProcessGraph.js';
import { child, idOf, str, type ModdleElement } from '../moddleAccess.js';
import {
  parseAsyncFlags,
  parseDocumentation,
  parsePriority,
  parseProperties,
  parseRetryTimeCycle,
} from './camunda/attributes.js';
import { checkInputOutputAllowed, parseInputOutput } from './camunda/inputOutput.js';
import { parseExecutionListeners } from './camunda/listeners.js';
import type { ActivityDraft, ProcessScope } from './ProcessScope.js';
import { checkRuntimeSupport } from './runtimeSupport.js';

/** What an element module decides about a node; everything else is common to all flow nodes. */
export interface ActivitySpec {
  /** Camunda activity type (ActivityTypes), e.g. `noneEndEvent`. */
  readonly type: string;
  /** Behaviour key, e.g. `externalServiceTask`. */
  readonly behavior: string;
  readonly definition: ActivityDefinition;
}

/**
 * Reports the parts of a flow node that m8flow does not execute yet: multi-instance (standard
 * loops are ignored by Camunda too, hence only a warning) and compensation handlers. Returns
 * false when the node cannot be built.
 */
export function checkCommonSupport(element: ModdleElement, scope: ProcessScope): boolean {
  const loop = child(element, 'loopCharacteristics');
  if (loop?.$type === 'bpmn:MultiInstanceLoopCharacteristics') {
    scope.unsupportedElement(element, 'multiInstanceLoopCharacteristics');
    return false;
  }
  if (loop?.$type === 'bpmn:StandardLoopCharacteristics') {
    scope.ctx.warn('standardLoopCharacteristics are ignored (Camunda 7 does not execute them)', scope.at(element));
  }
  if (element['isForCompensation'] === true) {
    scope.unsupportedElement(element, "isForCompensation='true'");
    return false;
  }
  return true;
}

/** The `default` flow id of an activity or gateway, even when moddle could not resolve it. */
export function defaultFlowId(element: ModdleElement, scope: ProcessScope): string | null {
  const resolved = child(element, 'default');
  if (resolved !== null) return idOf(resolved);
  const warning = scope.ctx.document.warnings.find((w) => w.element === element && w.property === 'bpmn:default');
  return warning?.value ?? null;
}

/**
 * Builds the node for a flow element and adds it to the scope, reading what every Camunda flow
 * node may carry: name, documentation, async flags (`camunda:asyncBefore`/`async`, `asyncAfter`,
 * `exclusive`), `camunda:jobPriority`, `camunda:failedJobRetryTimeCycle`, execution listeners,
 * `camunda:inputOutput` (where Camunda allows it) and `camunda:properties`.
 */
export function addActivity(element: ModdleElement, scope: ProcessScope, spec: ActivitySpec): ActivityDraft {
  const ctx = scope.ctx;
  const id = idOf(element) ?? '';
  const location = ctx.at(element);
  const io = checkInputOutputAllowed(ctx, element, parseInputOutput(ctx, element, id));
  const node: ActivityDraft = {
    id,
    name: str(element, 'name'),
    type: spec.type,
    behavior: spec.behavior,
    incoming: [],
    outgoing: [],
    ...parseAsyncFlags(element),
    definition: spec.definition,
    executionListeners: parseExecutionListeners(ctx, element, id),
    inputParameters: io.inputs,
    outputParameters: io.outputs,
    properties: parseProperties(element),
    line: location === null ? null : location.line,
    column: location === null ? null : location.column,
    documentation: parseDocumentation(element),
    jobPriority: parsePriority(ctx, element, 'jobPriority'),
    failedJobRetryTimeCycle: parseRetryTimeCycle(element),
    defaultFlowId: spec.definition.kind === 'exclusiveGateway' ? null : defaultFlowId(element, scope),
  };
  checkRuntimeSupport(element, scope, node);
  scope.addActivity(node);
  return node;
}
