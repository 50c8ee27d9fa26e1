import type { ActivityNode } from '../graph/ProcessGraph.js';
import type { ProcessScope } from './ProcessScope.js';

/**
 * Camunda's start event rules for a process (`parseStartEvents`, `selectInitial`): at least one
 * start event, and at most one none start event (the initial activity).
 */
export function validateStartEvents(scope: ProcessScope): void {
  const ctx = scope.ctx;
  if (scope.startEventCount === 0) {
    ctx.error('process must define a startEvent element', scope.at(scope.process));
    return;
  }
  for (const extra of scope.noneStartEventIds.slice(1)) {
    ctx.error('multiple none start events or timer start events not supported on process definition', scope.at(scope.process), extra);
  }
}

/**
 * Camunda's `validateExclusiveGateway`: at least one outgoing flow; a single outgoing flow must
 * not have a condition; the default flow must not have a condition; with a default flow, or with
 * more than one unconditional flow, every other flow needs a condition. A single unconditional
 * non-default flow is accepted with a warning. These problems carry no line (Camunda passes no element).
 */
export function validateExclusiveGateway(scope: ProcessScope, gateway: ActivityNode): void {
  const ctx = scope.ctx;
  const flows = gateway.outgoing.flatMap((id) => scope.flows.get(id) ?? []);
  const gatewayId = gateway.id;
  if (flows.length === 0) {
    ctx.error(`Exclusive Gateway '${gatewayId}' has no outgoing sequence flows.`, null, gatewayId);
    return;
  }
  const [only] = flows;
  if (flows.length === 1 && only !== undefined) {
    if (only.condition !== null) {
      ctx.error(`Exclusive Gateway '${gatewayId}' has only one outgoing sequence flow ('${only.id}'). This is not allowed to have a condition.`, null, gatewayId, only.id);
    }
    return;
  }
  const defaultId = gateway.definition.kind === 'exclusiveGateway' ? gateway.definition.defaultFlowId : null;
  const unconditional = flows.filter((flow) => flow.condition === null && flow.id !== defaultId);
  for (const flow of flows) {
    if (flow.condition !== null && flow.id === defaultId) {
      ctx.error(`Exclusive Gateway '${gatewayId}' has outgoing sequence flow '${flow.id}' which is the default flow but has a condition too.`, null, gatewayId, flow.id);
    }
  }
  if ((defaultId !== null && defaultId !== '') || unconditional.length > 1) {
    for (const flow of unconditional) {
      ctx.error(`Exclusive Gateway '${gatewayId}' has outgoing sequence flow '${flow.id}' without condition which is not the default flow.`, null, gatewayId, flow.id);
    }
  } else if (unconditional[0] !== undefined) {
    const flowId = unconditional[0].id;
    ctx.warn(
      `Exclusive Gateway '${gatewayId}' has outgoing sequence flow '${flowId}' without condition which is not the default flow. ` +
        'We assume it to be the default flow, but it is bad modeling practice, better set the default flow in your gateway.',
      null,
      gatewayId,
      flowId,
    );
  }
}

/**
 * Camunda's `validateOutgoingFlows`: an `asyncAfter` activity needs ids on its outgoing flows,
 * since the continuation job names the flow it will take.
 */
export function validateAsyncAfterFlows(scope: ProcessScope, activity: ActivityNode): void {
  if (!activity.asyncAfter) return;
  for (const flowId of activity.outgoing) {
    if (scope.anonymousFlowIds.has(flowId)) {
      scope.ctx.error(
        `Sequence flow with sourceRef='${activity.id}' must have an id, activity with id '${activity.id}' uses 'asyncAfter'.`,
        null,
        activity.id,
      );
    }
  }
}

/** Runs the checks Camunda makes once a process is parsed (`validateActivities` plus start events). */
export function validateProcess(scope: ProcessScope): void {
  validateStartEvents(scope);
  for (const activity of scope.activities.values()) {
    if (activity.behavior === 'exclusiveGateway' && !scope.incompleteIds.has(activity.id)) validateExclusiveGateway(scope, activity);
    validateAsyncAfterFlows(scope, activity);
  }
}
