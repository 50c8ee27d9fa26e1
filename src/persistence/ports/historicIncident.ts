/** Camunda's historic incident states (IncidentState): open, resolved, deleted. */
export const INCIDENT_STATE_OPEN = 0;
export const INCIDENT_STATE_RESOLVED = 1;
export const INCIDENT_STATE_DELETED = 2;

/** A historic incident (ACT_HI_INCIDENT), written at history level full. */
export interface HistoricIncidentEntity {
  id: string;
  rev: number;
  processDefinitionKey: string | null;
  processDefinitionId: string | null;
  rootProcessInstanceId: string | null;
  processInstanceId: string | null;
  executionId: string | null;
  createTime: Date;
  /** When the incident was resolved or deleted. */
  endTime: Date | null;
  incidentMessage: string | null;
  incidentType: string;
  activityId: string | null;
  failedActivityId: string | null;
  causeIncidentId: string | null;
  rootCauseIncidentId: string | null;
  configuration: string | null;
  historyConfiguration: string | null;
  /** INCIDENT_STATE_OPEN, _RESOLVED or _DELETED. */
  incidentState: number;
  tenantId: string | null;
  jobDefinitionId: string | null;
  annotation: string | null;
  removalTime: Date | null;
}
