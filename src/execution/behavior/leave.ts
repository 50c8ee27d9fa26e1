import { engineError } from '../../errors/EngineError.js';
import type { SequenceFlow } from '../../model/graph/ProcessGraph.js';
import { endExecution } from '../operations/executionEnd.js';
import { takeTransitions } from '../operations/transitionTake.js';
import type { ActivityExecution } from '../runtime/ActivityExecution.js';
import { evaluateCondition } from './conditions.js';

function outgoingFlows(execution: ActivityExecution): SequenceFlow[] {
  const graph = execution.runtime.deployed.graph;
  return execution.activity.outgoing.map((id) => {
    const flow = graph.flows.get(id);
    if (!flow) throw engineError('processEngine', `Sequence flow '${id}' is not part of the process`);
    return flow;
  });
}

/**
 * BPMN default leaving behaviour (Camunda's performOutgoingBehavior): take every outgoing flow
 * without a condition or whose condition holds, except the default flow; if none qualifies take
 * the default flow; with no outgoing flow at all the execution ends (implicit end).
 */
export async function leave(execution: ActivityExecution, defaultFlowId: string | null = execution.activity.defaultFlowId ?? null): Promise<void> {
  const outgoing = outgoingFlows(execution);
  const selected: SequenceFlow[] = [];
  for (const flow of outgoing) {
    if (flow.id === defaultFlowId) continue;
    if (!flow.condition || (await evaluateCondition(execution, flow.condition))) selected.push(flow);
  }
  if (selected.length > 0) return takeTransitions(execution, selected);
  const activityId = execution.activity.id;
  if (defaultFlowId) {
    const fallback = outgoing.find((f) => f.id === defaultFlowId);
    if (!fallback) {
      throw engineError('processEngine', `ENGINE-02005 Default sequence flow '${defaultFlowId}' for element with id '${activityId}' could be not found.`);
    }
    return takeTransitions(execution, [fallback]);
  }
  if (outgoing.length > 0) {
    throw engineError('processEngine', `ENGINE-02006 No conditional sequence flow leaving the Flow Node '${activityId}' could be selected for continuing the process.`);
  }
  return endExecution(execution);
}

/** Exclusive gateway selection (ENGINE-02004 when nothing matches and there is no default). */
export async function selectExclusive(execution: ActivityExecution, defaultFlowId: string | null): Promise<SequenceFlow> {
  const outgoing = outgoingFlows(execution);
  for (const flow of outgoing) {
    if (!flow.condition) {
      if (flow.id !== defaultFlowId) return flow;
      continue;
    }
    if (await evaluateCondition(execution, flow.condition)) return flow;
  }
  const activityId = execution.activity.id;
  if (defaultFlowId) {
    const fallback = outgoing.find((f) => f.id === defaultFlowId);
    if (fallback) return fallback;
    throw engineError('processEngine', `ENGINE-02005 Default sequence flow '${defaultFlowId}' for element with id '${activityId}' could be not found.`);
  }
  throw engineError('noOutgoingFlow', `ENGINE-02004 No outgoing sequence flow for the element with id '${activityId}' could be selected for continuing the process.`);
}
