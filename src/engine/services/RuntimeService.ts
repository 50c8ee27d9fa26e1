import { command } from '../../command/Command.js';
import type { AuthContext, CommandContext } from '../../command/CommandContext.js';
import type { CommandExecutor } from '../../command/CommandExecutor.js';
import { activityInstanceTree, type ActivityInstance } from '../../commands/runtime/activityInstanceTree.js';
import { DeleteProcessInstanceCmd, type DeleteProcessInstanceOptions } from '../../commands/runtime/DeleteProcessInstanceCmd.js';
import { processInstanceQuery, processInstanceQueryFor, processInstancesOnly } from '../../commands/runtime/processInstanceQuery.js';
import {
  StartProcessInstanceCmd, type StartedProcessInstance, type StartProcessInstanceRequest,
} from '../../commands/runtime/StartProcessInstanceCmd.js';
import {
  getExecutionVariable, getExecutionVariables, modifyExecutionVariables, type VariableModifications,
} from '../../commands/runtime/executionVariables.js';
import { count, describe, list } from '../../commands/query/QueryDefinition.js';
import { orQueryConditions } from '../../commands/query/filterGroups.js';
import type { Condition } from '../../persistence/ports/query.js';
import { engineError } from '../../errors/EngineError.js';
import type { StoredVariable } from '../../commands/runtime/executionVariables.js';
import type { ExecutionEntity, IncidentEntity } from '../../persistence/ports/entities.js';
import { annotateIncident, incidentQuery, resolveIncident } from '../../commands/runtime/incidents.js';
import type { QueryRequest } from '../query/QueryRequest.js';

/** Process instance rows only, and the request's `orQueries` entries. */
function instanceConditions(ctx: CommandContext, request: QueryRequest): Condition<'execution'>[] {
  return [processInstancesOnly, ...orQueryConditions(processInstanceQueryFor, request.filters['orQueries'], ctx)];
}

/** Process instances, executions and their variables (Camunda's RuntimeService). */
export class RuntimeService {
  static readonly processInstanceQuery = describe(processInstanceQuery);
  static readonly incidentQuery = describe(incidentQuery);

  constructor(private readonly executor: CommandExecutor) {}

  startProcessInstance(request: StartProcessInstanceRequest, auth?: AuthContext): Promise<StartedProcessInstance> {
    return this.executor.execute(new StartProcessInstanceCmd(request), auth);
  }

  queryProcessInstances(request: QueryRequest): Promise<ExecutionEntity[]> {
    return this.executor.execute(command('QueryProcessInstances', (ctx) => list(ctx, processInstanceQueryFor(request.filters), request, instanceConditions(ctx, request)), true));
  }

  countProcessInstances(request: QueryRequest): Promise<number> {
    return this.executor.execute(command('CountProcessInstances', (ctx) => count(ctx, processInstanceQueryFor(request.filters), request, instanceConditions(ctx, request)), true));
  }

  getProcessInstance(id: string): Promise<ExecutionEntity> {
    return this.executor.execute(command('GetProcessInstance', async (ctx) => {
      const pi = await ctx.uow.get('execution', id);
      if (!pi || pi.parentId !== null) throw engineError('restNotFound', `Process instance with id ${id} does not exist`);
      return pi;
    }, true));
  }

  getExecution(id: string): Promise<ExecutionEntity | undefined> {
    return this.executor.execute(command('GetExecution', (ctx) => ctx.uow.get('execution', id), true));
  }

  deleteProcessInstance(id: string, options: DeleteProcessInstanceOptions = {}): Promise<void> {
    return this.executor.execute(new DeleteProcessInstanceCmd(id, options));
  }

  getActivityInstance(processInstanceId: string): Promise<ActivityInstance | null> {
    return this.executor.execute(command('GetActivityInstance', (ctx) => activityInstanceTree(ctx, processInstanceId), true));
  }

  queryIncidents(request: QueryRequest): Promise<IncidentEntity[]> {
    return this.executor.execute(command('QueryIncidents', (ctx) => list(ctx, incidentQuery, request), true));
  }

  countIncidents(request: QueryRequest): Promise<number> {
    return this.executor.execute(command('CountIncidents', (ctx) => count(ctx, incidentQuery, request), true));
  }

  getIncident(id: string): Promise<IncidentEntity | undefined> {
    return this.executor.execute(command('GetIncident', (ctx) => ctx.uow.get('incident', id), true));
  }

  resolveIncident(id: string): Promise<void> {
    return this.executor.execute(command('ResolveIncident', (ctx) => resolveIncident(ctx, id)));
  }

  setIncidentAnnotation(id: string, annotation: string | null): Promise<void> {
    return this.executor.execute(command('SetIncidentAnnotation', (ctx) => annotateIncident(ctx, id, annotation)));
  }

  /** Variables visible from an execution (or only its own with `local`). */
  getVariables(executionId: string, local: boolean): Promise<StoredVariable[]> {
    return this.executor.execute(command('GetExecutionVariables', (ctx) => getExecutionVariables(ctx, executionId, local), true));
  }

  /** One variable visible from an execution (or only its own with `local`); null when not set. */
  getVariable(executionId: string, name: string, local: boolean): Promise<StoredVariable | null> {
    return this.executor.execute(command('GetExecutionVariable', (ctx) => getExecutionVariable(ctx, executionId, name, local), true));
  }

  modifyVariables(executionId: string, modifications: VariableModifications, local: boolean): Promise<void> {
    return this.executor.execute(command('ModifyExecutionVariables', (ctx) => modifyExecutionVariables(ctx, executionId, modifications, local)));
  }
}
