import type { CommandContext } from '../command/CommandContext.js';
import { historyOf } from './runtime/commandScope.js';
import type { ExternalTaskEntity, IncidentEntity } from '../persistence/ports/entities.js';
import { where } from '../persistence/ports/query.js';

/** Camunda's incident type for external tasks out of retries. */
export const FAILED_EXTERNAL_TASK = 'failedExternalTask';

/**
 * Creates a failedExternalTask incident at the task's activity (configuration = task id) and, at
 * history level full, its open historic incident (Camunda's INCIDENT_CREATE event).
 */
export async function createIncident(ctx: CommandContext, task: ExternalTaskEntity): Promise<void> {
  const id = ctx.ids.next();
  const incident: IncidentEntity = {
    id, rev: 1, incidentTimestamp: ctx.clock.now(), incidentMessage: task.errorMessage, incidentType: FAILED_EXTERNAL_TASK,
    executionId: task.executionId, activityId: task.activityId, failedActivityId: task.activityId,
    processInstanceId: task.processInstanceId, processDefinitionId: task.processDefinitionId, causeIncidentId: id,
    rootCauseIncidentId: id, configuration: task.id, tenantId: task.tenantId, jobDefinitionId: null, annotation: null,
  };
  ctx.uow.insert('incident', incident);
  historyOf(ctx).incidentCreated(incident, task.processDefinitionKey);
}

/**
 * Removes runtime incidents as Camunda's IncidentEntity.resolve()/delete() do: the row goes and
 * the historic incident ends as resolved or deleted.
 */
export async function removeIncidents(ctx: CommandContext, incidents: readonly IncidentEntity[], resolved: boolean): Promise<void> {
  for (const incident of incidents) {
    ctx.uow.delete('incident', incident);
    await historyOf(ctx).incidentEnded(incident, resolved);
  }
}

/** Resolves the task's incidents (retries were set above 0 again). */
export async function resolveIncidents(ctx: CommandContext, task: ExternalTaskEntity): Promise<void> {
  const incidents = await ctx.uow.find('incident', {
    where: where.and(where.eq('configuration', task.id), where.eq('incidentType', FAILED_EXTERNAL_TASK)),
  });
  await removeIncidents(ctx, incidents, true);
}
