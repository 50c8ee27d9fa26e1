import type { CommandContext, DeployedProcess } from '../../command/CommandContext.js';
import { engineError } from '../../errors/EngineError.js';
import type { ActivityNode } from '../../model/graph/ProcessGraph.js';
import { SUSPENSION_ACTIVE, type ExecutionEntity, type VariableEntity } from '../../persistence/ports/entities.js';
import { where } from '../../persistence/ports/query.js';
import { defaultCodec } from './codec.js';
import { commandLocal } from './commandScope.js';
import { VariableStore, type VariableHost } from './VariableStore.js';

/**
 * One process instance as a command sees it: its execution tree (all rows loaded once), its
 * deployed graph and its variables. Tree changes go straight to the unit of work.
 */
export class InstanceRuntime implements VariableHost {
  readonly variables: VariableStore;
  private sequence: number;

  private constructor(readonly ctx: CommandContext, readonly deployed: DeployedProcess,
    readonly processInstance: ExecutionEntity, rows: readonly VariableEntity[]) {
    this.variables = new VariableStore(ctx, this, defaultCodec, rows);
    this.sequence = Math.max(1, ...this.executions().map((e) => e.sequenceCounter));
  }

  /** Loads a running instance; throws NotFoundException-style errors when it does not exist. */
  static async load(ctx: CommandContext, processInstanceId: string): Promise<InstanceRuntime> {
    const cached = commandLocal<Map<string, InstanceRuntime>>(ctx, 'instances', () => new Map()).get(processInstanceId);
    if (cached) return cached;
    const executions = await ctx.uow.find('execution', { where: where.eq('processInstanceId', processInstanceId) });
    const pi = executions.find((e) => e.id === processInstanceId);
    if (!pi) throw engineError('notFound', `Process instance with id ${processInstanceId} does not exist`);
    const deployed = await ctx.processes.get(ctx, pi.processDefinitionId);
    const rows = await ctx.uow.find('variable', { where: where.eq('processInstanceId', processInstanceId) });
    return InstanceRuntime.remember(new InstanceRuntime(ctx, deployed, pi, rows));
  }

  /** Creates the process instance execution of a new instance. */
  static create(ctx: CommandContext, deployed: DeployedProcess, businessKey: string | null): InstanceRuntime {
    const id = ctx.ids.next();
    const pi: ExecutionEntity = {
      id, rev: 1, processInstanceId: id, parentId: null, processDefinitionId: deployed.definition.id,
      processDefinitionKey: deployed.definition.key, businessKey, activityId: null, activityInstanceId: id,
      isActive: true, isScope: true, isConcurrent: false, isEventScope: false,
      suspensionState: SUSPENSION_ACTIVE, tenantId: deployed.definition.tenantId, sequenceCounter: 1,
    };
    ctx.uow.insert('execution', pi);
    return InstanceRuntime.remember(new InstanceRuntime(ctx, deployed, pi, []));
  }

  private static remember(runtime: InstanceRuntime): InstanceRuntime {
    commandLocal<Map<string, InstanceRuntime>>(runtime.ctx, 'instances', () => new Map())
      .set(runtime.processInstance.id, runtime);
    return runtime;
  }

  get processInstanceId(): string { return this.processInstance.id; }
  get processDefinitionId(): string { return this.deployed.definition.id; }
  get processDefinitionKey(): string { return this.deployed.definition.key; }
  get tenantId(): string | null { return this.processInstance.tenantId; }

  /** True once the process instance row was removed in this command. */
  get ended(): boolean {
    return !this.executions().some((e) => e.id === this.processInstance.id);
  }

  executions(): ExecutionEntity[] {
    return this.ctx.uow.cached('execution')
      .filter((e) => e.processInstanceId === this.processInstance.id)
      .sort((a, b) => a.sequenceCounter - b.sequenceCounter);
  }

  execution(id: string): ExecutionEntity | undefined {
    return this.executions().find((e) => e.id === id);
  }

  requireExecution(id: string): ExecutionEntity {
    const execution = this.execution(id);
    if (!execution) throw engineError('notFound', `Execution with id ${id} does not exist`);
    return execution;
  }

  children(parent: ExecutionEntity): ExecutionEntity[] {
    return this.executions().filter((e) => e.parentId === parent.id);
  }

  parent(execution: ExecutionEntity): ExecutionEntity | undefined {
    return execution.parentId ? this.execution(execution.parentId) : undefined;
  }

  /** The scope execution an execution belongs to: itself, or its parent when concurrent. */
  scopeExecution(execution: ExecutionEntity): ExecutionEntity {
    return execution.isConcurrent ? (this.parent(execution) ?? execution) : execution;
  }

  activity(id: string): ActivityNode {
    const activity = this.deployed.graph.activities.get(id);
    if (!activity) throw engineError('processEngine', `Activity '${id}' is not part of process definition ${this.processDefinitionId}`);
    return activity;
  }

  /** Creates a concurrent child of a scope execution (Camunda's concurrent execution). */
  createConcurrentChild(parent: ExecutionEntity): ExecutionEntity {
    this.sequence += 1;
    const child: ExecutionEntity = {
      ...parent, id: this.ctx.ids.next(), rev: 1, parentId: parent.id, activityId: null,
      activityInstanceId: parent.activityInstanceId, isActive: true, isScope: false, isConcurrent: true,
      isEventScope: false, sequenceCounter: this.sequence,
    };
    this.ctx.uow.insert('execution', child);
    return child;
  }

  /** Removes an execution row together with its local variables. */
  removeExecution(execution: ExecutionEntity): void {
    this.variables.dropScope({ executionId: execution.id });
    this.ctx.uow.delete('execution', execution);
  }
}
