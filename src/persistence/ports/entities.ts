/**
 * Plain entity types the engine works with. They follow Camunda's runtime (ACT_RU_*), repository
 * (ACT_RE_*) and history (ACT_HI_*) tables closely, because the REST API exposes their fields and
 * the migration tools map Camunda rows onto them one to one.
 */

import type { HistoricIncidentEntity } from './historicIncident.js';

export {
  INCIDENT_STATE_DELETED, INCIDENT_STATE_OPEN, INCIDENT_STATE_RESOLVED, type HistoricIncidentEntity,
} from './historicIncident.js';

export const SUSPENSION_ACTIVE = 1;
export const SUSPENSION_SUSPENDED = 2;

export interface DeploymentEntity {
  id: string;
  name: string | null;
  source: string | null;
  deploymentTime: Date;
  tenantId: string | null;
}

/** A deployed file (Camunda keeps these in ACT_GE_BYTEARRAY). */
export interface ResourceEntity {
  id: string;
  deploymentId: string;
  name: string;
  bytes: Buffer;
  /** SHA-256 of the bytes, for duplicate filtering. */
  checksum: string;
}

export interface ProcessDefinitionEntity {
  id: string;
  rev: number;
  key: string;
  name: string | null;
  description: string | null;
  category: string | null;
  version: number;
  versionTag: string | null;
  deploymentId: string;
  resourceName: string;
  diagramResourceName: string | null;
  tenantId: string | null;
  suspensionState: number;
  hasStartFormKey: boolean;
  startableInTasklist: boolean;
  historyTimeToLive: number | null;
  /**
   * The deployment's time, copied at deployment (it never changes) so definitions can be ordered by
   * it as Camunda's `orderByDeploymentTime` does through its join; null only for orphaned rows.
   */
  deploymentTime: Date | null;
}

/** A node of Camunda's execution tree (ACT_RU_EXECUTION). */
export interface ExecutionEntity {
  id: string;
  rev: number;
  processInstanceId: string;
  parentId: string | null;
  processDefinitionId: string;
  processDefinitionKey: string;
  businessKey: string | null;
  activityId: string | null;
  activityInstanceId: string | null;
  isActive: boolean;
  isScope: boolean;
  isConcurrent: boolean;
  isEventScope: boolean;
  suspensionState: number;
  tenantId: string | null;
  /** Order of creation within the instance, to keep tree output stable. */
  sequenceCounter: number;
  /**
   * Camunda's SUPER_EXEC_: on a called process instance, the calling execution of the super
   * instance. Absent or null on every other execution (and on all of them until call activities exist).
   */
  superExecutionId?: string | null;
}

export interface TaskEntity {
  id: string;
  rev: number;
  executionId: string | null;
  processInstanceId: string | null;
  processDefinitionId: string | null;
  taskDefinitionKey: string | null;
  activityInstanceId: string | null;
  name: string | null;
  description: string | null;
  owner: string | null;
  assignee: string | null;
  delegationState: string | null;
  priority: number;
  createTime: Date;
  lastUpdated: Date | null;
  dueDate: Date | null;
  followUpDate: Date | null;
  parentTaskId: string | null;
  suspensionState: number;
  tenantId: string | null;
  formKey: string | null;
}

export interface IdentityLinkEntity {
  id: string;
  rev: number;
  type: string;
  userId: string | null;
  groupId: string | null;
  taskId: string | null;
  processDefinitionId: string | null;
  tenantId: string | null;
}

/** Value columns shared by runtime variables, history and history details. */
export interface StoredValue {
  /** Camunda serializer type name: string, integer, long, double, boolean, date, null, bytes, file, json, xml, object. */
  type: string;
  textValue: string | null;
  textValue2: string | null;
  longValue: number | null;
  doubleValue: number | null;
  bytesValue: Buffer | null;
}

export interface VariableEntity extends StoredValue {
  id: string;
  rev: number;
  name: string;
  executionId: string | null;
  processInstanceId: string | null;
  processDefinitionId: string | null;
  taskId: string | null;
  activityInstanceId: string | null;
  tenantId: string | null;
  createTime: Date;
}

export interface ExternalTaskEntity {
  id: string;
  rev: number;
  workerId: string | null;
  topicName: string;
  retries: number | null;
  errorMessage: string | null;
  errorDetails: string | null;
  lockExpirationTime: Date | null;
  suspensionState: number;
  executionId: string;
  processInstanceId: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionVersionTag: string | null;
  activityId: string;
  activityInstanceId: string;
  tenantId: string | null;
  priority: number;
  businessKey: string | null;
  createTime: Date;
}

export interface IncidentEntity {
  id: string;
  rev: number;
  incidentTimestamp: Date;
  incidentMessage: string | null;
  incidentType: string;
  executionId: string | null;
  activityId: string | null;
  failedActivityId: string | null;
  processInstanceId: string | null;
  processDefinitionId: string | null;
  causeIncidentId: string | null;
  rootCauseIncidentId: string | null;
  configuration: string | null;
  tenantId: string | null;
  jobDefinitionId: string | null;
  annotation: string | null;
}

export interface HistoricProcessInstanceEntity {
  id: string;
  rev: number;
  processInstanceId: string;
  businessKey: string | null;
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionName: string | null;
  processDefinitionVersion: number;
  startTime: Date;
  endTime: Date | null;
  durationInMillis: number | null;
  startUserId: string | null;
  startActivityId: string | null;
  endActivityId: string | null;
  superProcessInstanceId: string | null;
  rootProcessInstanceId: string;
  deleteReason: string | null;
  tenantId: string | null;
  state: string;
  removalTime: Date | null;
}

export interface HistoricActivityInstanceEntity {
  id: string;
  rev: number;
  parentActivityInstanceId: string | null;
  activityId: string;
  activityName: string | null;
  activityType: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processInstanceId: string;
  rootProcessInstanceId: string;
  executionId: string;
  taskId: string | null;
  calledProcessInstanceId: string | null;
  assignee: string | null;
  startTime: Date;
  endTime: Date | null;
  durationInMillis: number | null;
  canceled: boolean;
  completeScope: boolean;
  tenantId: string | null;
  sequenceCounter: number;
  removalTime: Date | null;
}

export interface HistoricTaskInstanceEntity {
  id: string;
  rev: number;
  processDefinitionKey: string | null;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  rootProcessInstanceId: string | null;
  executionId: string | null;
  activityInstanceId: string | null;
  name: string | null;
  description: string | null;
  owner: string | null;
  assignee: string | null;
  startTime: Date;
  endTime: Date | null;
  durationInMillis: number | null;
  deleteReason: string | null;
  taskDefinitionKey: string | null;
  priority: number;
  dueDate: Date | null;
  followUpDate: Date | null;
  parentTaskId: string | null;
  tenantId: string | null;
  removalTime: Date | null;
}

export interface HistoricVariableInstanceEntity extends StoredValue {
  id: string;
  rev: number;
  name: string;
  processDefinitionKey: string | null;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  rootProcessInstanceId: string | null;
  executionId: string | null;
  activityInstanceId: string | null;
  taskId: string | null;
  tenantId: string | null;
  createTime: Date;
  state: string;
  removalTime: Date | null;
}

/** One variable update (ACT_HI_DETAIL of type VariableUpdate). */
export interface HistoricVariableUpdateEntity extends StoredValue {
  id: string;
  variableInstanceId: string;
  name: string;
  processDefinitionKey: string | null;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  rootProcessInstanceId: string | null;
  executionId: string | null;
  activityInstanceId: string | null;
  taskId: string | null;
  tenantId: string | null;
  time: Date;
  revision: number;
  sequenceCounter: number;
  initial: boolean;
  removalTime: Date | null;
}

/**
 * One change of a task's identity links (ACT_HI_IDENTITYLINK, written at history level full): a
 * candidate user or group added or deleted, or an assignee or owner set or replaced (types
 * `assignee` / `owner`). Rows are never updated.
 */
export interface HistoricIdentityLinkEntity {
  id: string;
  timestamp: Date;
  type: string | null;
  userId: string | null;
  groupId: string | null;
  taskId: string | null;
  processDefinitionId: string | null;
  processDefinitionKey: string | null;
  rootProcessInstanceId: string | null;
  /** `add` or `delete`. */
  operationType: string;
  /** The authenticated user who made the change. */
  assignerId: string | null;
  tenantId: string | null;
  removalTime: Date | null;
}

/** Every persistent entity type by its registry name. */
export interface EntityTypes {
  deployment: DeploymentEntity;
  resource: ResourceEntity;
  processDefinition: ProcessDefinitionEntity;
  execution: ExecutionEntity;
  task: TaskEntity;
  identityLink: IdentityLinkEntity;
  variable: VariableEntity;
  externalTask: ExternalTaskEntity;
  incident: IncidentEntity;
  historicProcessInstance: HistoricProcessInstanceEntity;
  historicActivityInstance: HistoricActivityInstanceEntity;
  historicTaskInstance: HistoricTaskInstanceEntity;
  historicVariableInstance: HistoricVariableInstanceEntity;
  historicVariableUpdate: HistoricVariableUpdateEntity;
  historicIdentityLink: HistoricIdentityLinkEntity;
  historicIncident: HistoricIncidentEntity;
}

export type EntityName = keyof EntityTypes;
export type FieldOf<N extends EntityName> = keyof EntityTypes[N] & string;
