import { RuntimeService } from '../../api.js';
import type { IncidentEntity } from '../../api.js';
import { formatDate } from '../../api.js';
import { restError, wrapError } from '../errors.js';
import { queryFromParams } from '../query/queryParams.js';
import type { Handler } from '../reply.js';
import { noContent, ok } from '../reply.js';

/** Camunda's IncidentDto. */
export function incidentDto(i: IncidentEntity) {
  return {
    id: i.id, processDefinitionId: i.processDefinitionId, processInstanceId: i.processInstanceId, executionId: i.executionId,
    incidentTimestamp: formatDate(i.incidentTimestamp), incidentType: i.incidentType, activityId: i.activityId,
    failedActivityId: i.failedActivityId, causeIncidentId: i.causeIncidentId, rootCauseIncidentId: i.rootCauseIncidentId,
    configuration: i.configuration, tenantId: i.tenantId, incidentMessage: i.incidentMessage, jobDefinitionId: i.jobDefinitionId,
    annotation: i.annotation,
  };
}

const descriptor = RuntimeService.incidentQuery;

export const incidentHandlers: Record<string, Handler> = {
  getIncidents: async (c) => ok((await c.engine.runtime.queryIncidents(queryFromParams(c.query, descriptor))).map(incidentDto)),
  getIncidentsCount: async (c) => ok({ count: await c.engine.runtime.countIncidents(queryFromParams(c.query, descriptor)) }),
  getIncident: async (c) => {
    const id = c.params['id'] ?? '';
    const incident = await c.engine.runtime.getIncident(id);
    if (!incident) throw restError(404, `No matching incident with id ${id}`);
    return ok(incidentDto(incident));
  },
  resolveIncident: async (c) => {
    await c.engine.runtime.resolveIncident(c.params['id'] ?? '').catch((error: unknown) => {
      const status = (error as { type?: string }).type === 'NotFoundException' ? 404 : 400;
      throw wrapError(error, status, (m) => m, 'InvalidRequestException');
    });
    return noContent();
  },
  setIncidentAnnotation: async (c) => {
    const body = (c.body ?? {}) as Record<string, unknown>;
    await c.engine.runtime.setIncidentAnnotation(c.params['id'] ?? '', typeof body['annotation'] === 'string' ? body['annotation'] : null);
    return noContent();
  },
  clearIncidentAnnotation: async (c) => {
    await c.engine.runtime.setIncidentAnnotation(c.params['id'] ?? '', null);
    return noContent();
  },
};
