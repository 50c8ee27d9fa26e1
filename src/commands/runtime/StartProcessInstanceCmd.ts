import type { Command } from '../../command/Command.js';
import type { CommandContext } from '../../command/CommandContext.js';
import { engineError } from '../../errors/EngineError.js';
import { fireExecutionListeners } from '../../execution/listeners/fireListeners.js';
import { startActivity } from '../../execution/operations/activityStart.js';
import { ActivityExecution } from '../../execution/runtime/ActivityExecution.js';
import { historyOf, operationsOf, skipCustomListeners } from '../../execution/runtime/commandScope.js';
import { InstanceRuntime } from '../../execution/runtime/InstanceRuntime.js';
import type { TypedValue } from '../../execution/variables/TypedValue.js';
import { SUSPENSION_SUSPENDED, type ExecutionEntity, type ProcessDefinitionEntity } from '../../persistence/ports/entities.js';
import { latestProcessDefinition } from '../repository/processDefinitionQuery.js';
import { applyStartInstructions, resolveTarget, type StartInstruction } from './startInstructions.js';

export interface StartProcessInstanceRequest {
  processDefinitionId?: string;
  processDefinitionKey?: string;
  /** With a key: the tenant whose latest version starts; undefined = key must be unique. */
  tenantId?: string | null;
  businessKey?: string | null;
  variables?: ReadonlyMap<string, TypedValue>;
  withVariablesInReturn?: boolean;
  /** Camunda's skipCustomListeners: no execution or task listener of the model fires. */
  skipCustomListeners?: boolean;
  /** Start at these activities or flows instead of the start event. */
  startInstructions?: readonly StartInstruction[];
}

export interface StartedProcessInstance {
  instance: ExecutionEntity;
  definition: ProcessDefinitionEntity;
  /** Ended by the time the start command returned (no wait state reached). */
  ended: boolean;
  variables: Map<string, TypedValue> | null;
}

async function resolveDefinition(ctx: CommandContext, request: StartProcessInstanceRequest): Promise<ProcessDefinitionEntity> {
  if (request.processDefinitionId) {
    const definition = await ctx.uow.get('processDefinition', request.processDefinitionId);
    if (!definition) {
      throw engineError('notFound', `no deployed process definition found with id '${request.processDefinitionId}': processDefinition is null`);
    }
    return definition;
  }
  if (request.processDefinitionKey) return latestProcessDefinition(ctx, request.processDefinitionKey, request.tenantId);
  throw engineError('invalidRequest', 'Either processDefinitionId or processDefinitionKey is required');
}

/**
 * Starts a process instance (Camunda's StartProcessInstanceCmd): variables are set on the new
 * instance before its start event runs, and the instance runs until every path waits or ends.
 */
export class StartProcessInstanceCmd implements Command<StartedProcessInstance> {
  readonly name = 'StartProcessInstanceCmd';

  constructor(private readonly request: StartProcessInstanceRequest) {}

  async execute(ctx: CommandContext): Promise<StartedProcessInstance> {
    const definition = await resolveDefinition(ctx, this.request);
    if (definition.suspensionState === SUSPENSION_SUSPENDED) {
      throw engineError('suspendedEntity', `Cannot start process instance. Process definition ${definition.name ?? definition.key} (id = ${definition.id}) is suspended`);
    }
    const deployed = await ctx.processes.get(ctx, definition.id);
    if (this.request.skipCustomListeners) skipCustomListeners(ctx);
    const runtime = InstanceRuntime.create(ctx, deployed, this.request.businessKey ?? null);
    const pi = runtime.processInstance;
    const instructions = this.request.startInstructions ?? [];
    const [first] = instructions;
    const initial = first ? resolveTarget(runtime, first).activityId : deployed.graph.initialActivityId;
    historyOf(ctx).processInstanceStarted(pi, definition, initial);
    const scope = { executionId: pi.id };
    for (const [name, value] of this.request.variables ?? []) runtime.variables.setLocal(name, value, scope);
    const initiator = deployed.graph.initiatorVariable;
    if (initiator) runtime.variables.setLocal(initiator, runtime.variables.codec.fromPlain(ctx.auth.userId), scope);
    await fireExecutionListeners(new ActivityExecution(runtime, pi), deployed.graph.executionListeners, 'start');
    if (instructions.length > 0) await applyStartInstructions(runtime, instructions);
    else startActivity(runtime, pi, initial);
    await operationsOf(ctx).run();
    const ended = runtime.ended;
    const variables = this.request.withVariablesInReturn ? this.collect(runtime, ended) : null;
    return { instance: pi, definition, ended, variables };
  }

  private collect(runtime: InstanceRuntime, ended: boolean): Map<string, TypedValue> {
    if (!ended) return runtime.variables.visible({ executionId: runtime.processInstanceId });
    return runtime.variables.lastKnown(runtime.processInstanceId);
  }
}
