import type { CommandContext } from '../../command/CommandContext.js';
import { engineError } from '../../errors/EngineError.js';
import { historyOf } from '../../execution/runtime/commandScope.js';
import { removeIncidents } from '../../execution/incidents.js';
import { filter, type QueryDefinition } from '../query/QueryDefinition.js';

/** GET /incident filters and sort keys (Camunda's IncidentQueryDto). */
export const incidentQuery: QueryDefinition<'incident'> = {
  entity: 'incident',
  filters: {
    incidentId: filter.eq('id'),
    incidentType: filter.eq('incidentType'),
    incidentMessage: filter.eq('incidentMessage'),
    incidentMessageLike: filter.like('incidentMessage'),
    processDefinitionId: filter.eq('processDefinitionId'),
    processDefinitionKeyIn: filter.custom<'incident', string[]>('stringList', (v) => ({
      kind: 'exists', entity: 'processDefinition', link: [['id', 'processDefinitionId']], where: { kind: 'in', field: 'key', values: v },
    })),
    processInstanceId: filter.eq('processInstanceId'),
    executionId: filter.eq('executionId'),
    incidentTimestampBefore: filter.date('incidentTimestamp', '<'),
    incidentTimestampAfter: filter.date('incidentTimestamp', '>'),
    activityId: filter.eq('activityId'),
    failedActivityId: filter.eq('failedActivityId'),
    causeIncidentId: filter.eq('causeIncidentId'),
    rootCauseIncidentId: filter.eq('rootCauseIncidentId'),
    configuration: filter.eq('configuration'),
    tenantIdIn: filter.in('tenantId'),
    jobDefinitionIdIn: filter.in('jobDefinitionId'),
  },
  sorts: {
    incidentId: 'id', incidentMessage: 'incidentMessage', incidentTimestamp: 'incidentTimestamp', incidentType: 'incidentType',
    executionId: 'executionId', activityId: 'activityId', processInstanceId: 'processInstanceId',
    processDefinitionId: 'processDefinitionId', causeIncidentId: 'causeIncidentId', rootCauseIncidentId: 'rootCauseIncidentId',
    configuration: 'configuration', tenantId: 'tenantId',
  },
};

/**
 * Resolves an incident (Camunda's ResolveIncidentCmd). Incidents of failed jobs and external tasks
 * resolve only by setting retries, so resolving them here is refused. The historic incident ends
 * as resolved.
 */
export async function resolveIncident(ctx: CommandContext, id: string): Promise<void> {
  const incident = await ctx.uow.get('incident', id);
  if (!incident) throw engineError('notFound', `Cannot find an incident with id '${id}': incident is null`);
  if (incident.incidentType === 'failedJob' || incident.incidentType === 'failedExternalTask') {
    throw engineError('badUserRequest', `Cannot resolve an incident of type ${incident.incidentType}`);
  }
  await removeIncidents(ctx, [incident], true);
}

/** Sets or clears the annotation of an incident (SetAnnotationForIncidentCmd). */
export async function annotateIncident(ctx: CommandContext, id: string, annotation: string | null): Promise<void> {
  const incident = await ctx.uow.get('incident', id);
  if (!incident) throw engineError('badUserRequest', 'incident is null');
  incident.annotation = annotation;
  await historyOf(ctx).incidentUpdated(incident);
}
