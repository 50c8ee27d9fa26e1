import type { EntityName, EntityTypes } from '../ports/entities.js';
import { parseColumn, type ColumnSpec, type ParsedColumn, columnName } from './columnKinds.js';

type Columns<N extends EntityName> = { [K in keyof EntityTypes[N] & string]: ColumnSpec };

export interface TableMapping {
  readonly entity: EntityName;
  readonly table: string;
  /** property → column */
  readonly columns: ReadonlyMap<string, ParsedColumn & { column: string }>;
  /** Updates and deletes check `rev` (optimistic locking). */
  readonly versioned: boolean;
}

function table<N extends EntityName>(entity: N, name: string, columns: Columns<N>): TableMapping {
  const map = new Map<string, ParsedColumn & { column: string }>();
  for (const [property, spec] of Object.entries(columns) as [string, ColumnSpec][]) {
    map.set(property, { ...parseColumn(spec), column: columnName(property) });
  }
  return { entity, table: name, columns: map, versioned: map.has('rev') };
}

const storedValue = {
  type: 'string',
  textValue: 'text?',
  textValue2: 'text?',
  longValue: 'long?',
  doubleValue: 'double?',
  bytesValue: 'bytes?',
} as const;

/** How each entity maps onto its table; the order is the insert order (parents first). */
export const TABLES: readonly TableMapping[] = [
  table('deployment', 'm8_deployment', {
    id: 'id', name: 'string?', source: 'string?', deploymentTime: 'date', tenantId: 'id?',
  }),
  table('resource', 'm8_resource', {
    id: 'id', deploymentId: 'id', name: 'string', bytes: 'bytes', checksum: 'string',
  }),
  table('processDefinition', 'm8_process_definition', {
    id: 'id', rev: 'int', key: 'string', name: 'string?', description: 'text?', category: 'string?',
    version: 'int', versionTag: 'string?', deploymentId: 'id', resourceName: 'string',
    diagramResourceName: 'string?', tenantId: 'id?', suspensionState: 'int', hasStartFormKey: 'bool',
    startableInTasklist: 'bool', historyTimeToLive: 'int?', deploymentTime: 'date?',
  }),
  table('execution', 'm8_execution', {
    id: 'id', rev: 'int', processInstanceId: 'id', parentId: 'id?', processDefinitionId: 'id',
    processDefinitionKey: 'string', businessKey: 'string?', activityId: 'string?',
    activityInstanceId: 'string?', isActive: 'bool', isScope: 'bool', isConcurrent: 'bool',
    isEventScope: 'bool', suspensionState: 'int', tenantId: 'id?', sequenceCounter: 'long',
    superExecutionId: 'id?',
  }),
  table('task', 'm8_task', {
    id: 'id', rev: 'int', executionId: 'id?', processInstanceId: 'id?', processDefinitionId: 'id?',
    taskDefinitionKey: 'string?', activityInstanceId: 'string?', name: 'string?', description: 'text?',
    owner: 'string?', assignee: 'string?', delegationState: 'string?', priority: 'int',
    createTime: 'date', lastUpdated: 'date?', dueDate: 'date?', followUpDate: 'date?',
    parentTaskId: 'id?', suspensionState: 'int', tenantId: 'id?', formKey: 'string?',
  }),
  table('identityLink', 'm8_identity_link', {
    id: 'id', rev: 'int', type: 'string', userId: 'string?', groupId: 'string?', taskId: 'id?',
    processDefinitionId: 'id?', tenantId: 'id?',
  }),
  table('variable', 'm8_variable', {
    id: 'id', rev: 'int', name: 'string', ...storedValue, executionId: 'id?', processInstanceId: 'id?',
    processDefinitionId: 'id?', taskId: 'id?', activityInstanceId: 'string?', tenantId: 'id?',
    createTime: 'date',
  }),
  table('externalTask', 'm8_external_task', {
    id: 'id', rev: 'int', workerId: 'string?', topicName: 'string', retries: 'int?',
    errorMessage: 'text?', errorDetails: 'text?', lockExpirationTime: 'date?', suspensionState: 'int',
    executionId: 'id', processInstanceId: 'id', processDefinitionId: 'id', processDefinitionKey: 'string',
    processDefinitionVersionTag: 'string?', activityId: 'string', activityInstanceId: 'string',
    tenantId: 'id?', priority: 'long', businessKey: 'string?', createTime: 'date',
  }),
  table('incident', 'm8_incident', {
    id: 'id', rev: 'int', incidentTimestamp: 'date', incidentMessage: 'text?', incidentType: 'string',
    executionId: 'id?', activityId: 'string?', failedActivityId: 'string?', processInstanceId: 'id?',
    processDefinitionId: 'id?', causeIncidentId: 'id?', rootCauseIncidentId: 'id?',
    configuration: 'string?', tenantId: 'id?', jobDefinitionId: 'id?', annotation: 'text?',
  }),
  table('historicProcessInstance', 'm8_hi_process_instance', {
    id: 'id', rev: 'int', processInstanceId: 'id', businessKey: 'string?', processDefinitionId: 'id',
    processDefinitionKey: 'string', processDefinitionName: 'string?', processDefinitionVersion: 'int',
    startTime: 'date', endTime: 'date?', durationInMillis: 'long?', startUserId: 'string?',
    startActivityId: 'string?', endActivityId: 'string?', superProcessInstanceId: 'id?',
    rootProcessInstanceId: 'id', deleteReason: 'text?', tenantId: 'id?', state: 'string',
    removalTime: 'date?',
  }),
  table('historicActivityInstance', 'm8_hi_activity_instance', {
    id: 'string', rev: 'int', parentActivityInstanceId: 'string?', activityId: 'string',
    activityName: 'string?', activityType: 'string', processDefinitionKey: 'string',
    processDefinitionId: 'id', processInstanceId: 'id', rootProcessInstanceId: 'id', executionId: 'id',
    taskId: 'id?', calledProcessInstanceId: 'id?', assignee: 'string?', startTime: 'date',
    endTime: 'date?', durationInMillis: 'long?', canceled: 'bool', completeScope: 'bool',
    tenantId: 'id?', sequenceCounter: 'long', removalTime: 'date?',
  }),
  table('historicTaskInstance', 'm8_hi_task_instance', {
    id: 'id', rev: 'int', processDefinitionKey: 'string?', processDefinitionId: 'id?',
    processInstanceId: 'id?', rootProcessInstanceId: 'id?', executionId: 'id?',
    activityInstanceId: 'string?', name: 'string?', description: 'text?', owner: 'string?',
    assignee: 'string?', startTime: 'date', endTime: 'date?', durationInMillis: 'long?',
    deleteReason: 'text?', taskDefinitionKey: 'string?', priority: 'int', dueDate: 'date?',
    followUpDate: 'date?', parentTaskId: 'id?', tenantId: 'id?', removalTime: 'date?',
  }),
  table('historicVariableInstance', 'm8_hi_variable_instance', {
    id: 'id', rev: 'int', name: 'string', ...storedValue, processDefinitionKey: 'string?',
    processDefinitionId: 'id?', processInstanceId: 'id?', rootProcessInstanceId: 'id?',
    executionId: 'id?', activityInstanceId: 'string?', taskId: 'id?', tenantId: 'id?',
    createTime: 'date', state: 'string', removalTime: 'date?',
  }),
  table('historicVariableUpdate', 'm8_hi_variable_update', {
    id: 'id', variableInstanceId: 'id', name: 'string', ...storedValue, processDefinitionKey: 'string?',
    processDefinitionId: 'id?', processInstanceId: 'id?', rootProcessInstanceId: 'id?',
    executionId: 'id?', activityInstanceId: 'string?', taskId: 'id?', tenantId: 'id?', time: 'date',
    revision: 'int', sequenceCounter: 'long', initial: 'bool', removalTime: 'date?',
  }),
  table('historicIncident', 'm8_hi_incident', {
    id: 'id', rev: 'int', processDefinitionKey: 'string?', processDefinitionId: 'id?',
    rootProcessInstanceId: 'id?', processInstanceId: 'id?', executionId: 'id?', createTime: 'date',
    endTime: 'date?', incidentMessage: 'text?', incidentType: 'string', activityId: 'string?',
    failedActivityId: 'string?', causeIncidentId: 'id?', rootCauseIncidentId: 'id?',
    configuration: 'string?', historyConfiguration: 'string?', incidentState: 'int', tenantId: 'id?',
    jobDefinitionId: 'id?', annotation: 'text?', removalTime: 'date?',
  }),
  table('historicIdentityLink', 'm8_hi_identity_link', {
    id: 'id', timestamp: 'date', type: 'string?', userId: 'string?', groupId: 'string?', taskId: 'id?',
    processDefinitionId: 'id?', processDefinitionKey: 'string?', rootProcessInstanceId: 'id?',
    operationType: 'string', assignerId: 'string?', tenantId: 'id?', removalTime: 'date?',
  }),
];

export const TABLE_BY_ENTITY: ReadonlyMap<EntityName, TableMapping> = new Map(TABLES.map((t) => [t.entity, t]));

export function mappingOf(entity: EntityName): TableMapping {
  const mapping = TABLE_BY_ENTITY.get(entity);
  if (!mapping) throw new Error(`no table mapping for entity ${entity}`);
  return mapping;
}
