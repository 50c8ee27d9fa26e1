import { engineError } from '../../errors/EngineError.js';
import { fireExecutionListeners } from '../../execution/listeners/fireListeners.js';
import { startActivity } from '../../execution/operations/activityStart.js';
import { ActivityExecution } from '../../execution/runtime/ActivityExecution.js';
import type { InstanceRuntime } from '../../execution/runtime/InstanceRuntime.js';
import type { TypedValue } from '../../execution/variables/TypedValue.js';
import type { SequenceFlow } from '../../model/graph/ProcessGraph.js';
import type { ExecutionEntity } from '../../persistence/ports/entities.js';

/** Camunda's start instructions (ProcessInstantiationBuilder.startBeforeActivity / startAfterActivity / startTransition). */
export interface StartInstruction {
  type: 'startBeforeActivity' | 'startAfterActivity' | 'startTransition';
  activityId?: string | null;
  transitionId?: string | null;
  /** Variables set locally on the execution the instruction starts. */
  localVariables?: ReadonlyMap<string, TypedValue>;
}

/** Where an instruction starts: an activity, or a flow whose target starts after its take listeners. */
interface Target {
  activityId: string;
  flow: SequenceFlow | null;
}

function describe(instruction: StartInstruction): string {
  switch (instruction.type) {
    case 'startBeforeActivity': return `Start before activity '${instruction.activityId ?? ''}'`;
    case 'startAfterActivity': return `Start after activity '${instruction.activityId ?? ''}'`;
    case 'startTransition': return `Start transition '${instruction.transitionId ?? ''}'`;
  }
}

function notValid(instruction: StartInstruction, detail: string): Error {
  return engineError('notValid', `Cannot perform instruction: ${describe(instruction)}; ${detail}`);
}

/** Resolves an instruction against the graph with Camunda's validation messages. */
export function resolveTarget(runtime: InstanceRuntime, instruction: StartInstruction): Target {
  const graph = runtime.deployed.graph;
  const definitionId = runtime.processDefinitionId;
  if (instruction.type === 'startTransition') {
    const flow = graph.flows.get(instruction.transitionId ?? '');
    if (!flow) throw notValid(instruction, `Element '${instruction.transitionId ?? ''}' does not exist in process '${definitionId}': element is null`);
    return { activityId: flow.targetId, flow };
  }
  const activity = graph.activities.get(instruction.activityId ?? '');
  if (instruction.type === 'startBeforeActivity') {
    if (!activity) throw notValid(instruction, `Element '${instruction.activityId ?? ''}' does not exist in process '${definitionId}': element is null`);
    return { activityId: activity.id, flow: null };
  }
  if (!activity) throw notValid(instruction, `Activity '${instruction.activityId ?? ''}' does not exist: activity is null`);
  if (activity.outgoing.length !== 1) {
    const reason = activity.outgoing.length === 0 ? 'activity has no outgoing sequence flow to take' : 'activity has more than one outgoing sequence flow';
    throw engineError('processEngine', `Cannot start after activity ${activity.id}; ${reason}`);
  }
  const flow = graph.flows.get(activity.outgoing[0] ?? '') ?? null;
  return { activityId: flow?.targetId ?? '', flow };
}

/**
 * Starts a new instance at the given instructions instead of its start event. One instruction runs
 * on the process instance execution; several run on concurrent children of it, all created before
 * any of them runs, so an early end cannot end the instance (Camunda's preserveScope).
 */
export async function applyStartInstructions(runtime: InstanceRuntime, instructions: readonly StartInstruction[]): Promise<void> {
  const targets = instructions.map((instruction) => resolveTarget(runtime, instruction));
  const pi = runtime.processInstance;
  let executions: ExecutionEntity[] = [pi];
  if (instructions.length > 1) {
    pi.isActive = false;
    executions = instructions.map(() => runtime.createConcurrentChild(pi));
  }
  for (const [index, instruction] of instructions.entries()) {
    const execution = executions[index] ?? pi;
    const target = targets[index] as Target;
    for (const [name, value] of instruction.localVariables ?? []) runtime.variables.setLocal(name, value, { executionId: execution.id });
    if (target.flow) await fireExecutionListeners(new ActivityExecution(runtime, execution), target.flow.executionListeners, 'take');
    startActivity(runtime, execution, target.activityId);
  }
}
