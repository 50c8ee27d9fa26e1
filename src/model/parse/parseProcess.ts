import type { ActivityNode, ListenerDefinition, ProcessGraph } from '../graph/ProcessGraph.js';
import { bool, child, children, extensionsOfType, idOf, str, type ModdleElement } from '../moddleAccess.js';
import {
  parseCommaSeparatedList,
  parseDocumentation,
  parseHistoryTimeToLive,
  parsePriority,
} from './camunda/attributes.js';
import { parseExecutionListeners } from './camunda/listeners.js';
import { checkListeners } from './runtimeSupport.js';
import { elementModules, IGNORED_FLOW_ELEMENTS } from './elements/index.js';
import type { ParseContext } from './ParseContext.js';
import { ProcessScope } from './ProcessScope.js';
import { validateProcess } from './validate.js';

/** Camunda's `isExecutable` rule: explicit attribute, else executable only when re-parsing a deployment. */
export function isExecutableProcess(ctx: ParseContext, process: ModdleElement): boolean {
  const explicit = bool(process, 'isExecutable');
  return explicit ?? !ctx.isNewDeployment;
}

interface Starters {
  readonly users: string[];
  readonly groups: string[];
}

/**
 * Candidate starters (Camunda's `parseStartAuthorization`): `camunda:potentialStarter`
 * extensions (`user(x)`, `group(x)`, plain = group) plus `camunda:candidateStarterUsers/Groups`.
 */
function parseStarters(process: ModdleElement): Starters {
  const starters: Starters = { users: [], groups: [] };
  for (const starter of extensionsOfType(process, 'camunda:PotentialStarter')) {
    const assignment = child(starter, 'resourceAssignmentExpression');
    const expression = assignment === null ? null : child(assignment, 'expression');
    for (const entry of parseCommaSeparatedList(expression === null ? null : str(expression, 'body'))) {
      if (entry.startsWith('user(')) starters.users.push(entry.slice(5, -1).trim());
      else if (entry.startsWith('group(')) starters.groups.push(entry.slice(6, -1).trim());
      else starters.groups.push(entry);
    }
  }
  starters.users.push(...parseCommaSeparatedList(str(process, 'camunda:candidateStarterUsers')));
  starters.groups.push(...parseCommaSeparatedList(str(process, 'camunda:candidateStarterGroups')));
  return starters;
}

/** Dispatches the flow elements through the registry: nodes first, then flows (Camunda's parseScope order). */
function parseFlowElements(scope: ProcessScope): void {
  const elements = children(scope.process, 'flowElements');
  for (const phase of ['node', 'flow'] as const) {
    for (const element of elements) {
      const module = elementModules.get(element.$type);
      if (module === undefined) {
        if (phase === 'node' && !IGNORED_FLOW_ELEMENTS.has(element.$type)) scope.unsupportedElement(element);
      } else if (module.phase === phase) {
        module.parse(element, scope);
      }
    }
  }
}

function freezeActivity(node: ActivityNode): ActivityNode {
  return Object.freeze({
    ...node,
    incoming: Object.freeze([...node.incoming]),
    outgoing: Object.freeze([...node.outgoing]),
  });
}

/** Freezes plain objects and arrays all the way down (graph parts hold no cycles). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The process-level attributes, read first as Camunda does (its TTL check comes before the scope). */
type ProcessHeader = Pick<
  ProcessGraph,
  'historyTimeToLive' | 'jobPriority' | 'taskPriority' | 'candidateStarterUsers' | 'candidateStarterGroups'
>;

function parseHeader(ctx: ParseContext, process: ModdleElement): ProcessHeader {
  const starters = parseStarters(process);
  return {
    historyTimeToLive: parseHistoryTimeToLive(ctx, process),
    jobPriority: parsePriority(ctx, process, 'jobPriority'),
    taskPriority: parsePriority(ctx, process, 'taskPriority'),
    candidateStarterUsers: Object.freeze(starters.users),
    candidateStarterGroups: Object.freeze(starters.groups),
  };
}

/** Builds the immutable graph once the scope is complete. */
function toGraph(scope: ProcessScope, header: ProcessHeader, listeners: ListenerDefinition[]): ProcessGraph {
  const process = scope.process;
  const activities = new Map<string, ActivityNode>();
  for (const [id, node] of scope.activities) activities.set(id, deepFreeze(freezeActivity(node)));
  const graph: ProcessGraph = {
    key: scope.processId,
    name: str(process, 'name'),
    documentation: parseDocumentation(process),
    isExecutable: true,
    versionTag: str(process, 'camunda:versionTag'),
    isStartableInTasklist: bool(process, 'camunda:isStartableInTasklist') ?? true,
    startFormKey: scope.startFormKey,
    initialActivityId: scope.noneStartEventIds[0] ?? '',
    activities,
    flows: new Map([...scope.flows].map(([id, flow]) => [id, deepFreeze(flow)])),
    executionListeners: deepFreeze(listeners),
    initiatorVariable: scope.initiatorVariable,
    ...header,
  };
  return Object.freeze(graph);
}

/**
 * Parses one executable `bpmn:process` (Camunda's `parseProcess`): process attributes, the flow
 * elements through the element registry, process execution listeners, then the post-parse checks.
 * Problems go to the context; the returned graph is meaningful only when there are none.
 */
export function parseProcess(ctx: ParseContext, process: ModdleElement): ProcessGraph {
  const processId = idOf(process) ?? '';
  const header = parseHeader(ctx, process);
  const scope = new ProcessScope(ctx, process, processId);
  parseFlowElements(scope);
  const listeners = parseExecutionListeners(ctx, process, processId);
  checkListeners(process, scope, listeners, 'camunda:executionListener');
  validateProcess(scope);
  return toGraph(scope, header, listeners);
}
