/**
 * The engine's public API: what embedding applications and the REST layer may use. Nothing else in
 * src/ is part of the contract; rest/ imports only from here (checked by test/architecture).
 */
export { ProcessEngine } from './engine/ProcessEngine.js';
export type { EngineConfig } from './engine/EngineConfig.js';
export { RepositoryService } from './engine/services/RepositoryService.js';
export { RuntimeService } from './engine/services/RuntimeService.js';
export { TaskService } from './engine/services/TaskService.js';
export { ExternalTaskService, MAX_ASYNC_RESPONSE_TIMEOUT } from './engine/services/ExternalTaskService.js';
export { HistoryService, type HistoryKind } from './engine/services/HistoryService.js';
export type { FilterKind, QueryDescriptor, QueryRequest, Sorting, VariableFilter } from './engine/query/QueryRequest.js';
export type { DeploymentRequest, DeploymentResource, DeploymentResult } from './commands/repository/DeployCmd.js';
export type { StartProcessInstanceRequest, StartedProcessInstance } from './commands/runtime/StartProcessInstanceCmd.js';
export type { StartInstruction } from './commands/runtime/startInstructions.js';
export type { ActivityInstance, TransitionInstance } from './commands/runtime/activityInstanceTree.js';
export type { FetchAndLockRequest, LockedExternalTask, TopicRequest } from './commands/external-task/FetchAndLockCmd.js';
export type { StoredVariable, VariableModifications } from './commands/runtime/executionVariables.js';
export type { IdentityLink } from './commands/task/identityLinks.js';
export {
  SUSPENSION_ACTIVE, SUSPENSION_SUSPENDED,
  type DeploymentEntity, type ProcessDefinitionEntity, type ResourceEntity, type ExecutionEntity, type TaskEntity,
  type ExternalTaskEntity, type IncidentEntity, type HistoricProcessInstanceEntity, type HistoricActivityInstanceEntity,
  type HistoricTaskInstanceEntity, type HistoricVariableInstanceEntity,
} from './persistence/ports/entities.js';
export { EngineError, BpmnError, engineError, isEngineError, type ParseProblem, type ResourceReport } from './errors/EngineError.js';
export { catalogue, type ErrorSpec } from './errors/catalogue.js';
export type { TypedValue, VariableValueDto, ValueTypeName } from './execution/variables/TypedValue.js';
export { typedValueFromDto, typedValuesFromDtos } from './execution/variables/fromDto.js';
export { typedValueToDto, type ToDtoOptions, type VariableValueResponseDto } from './execution/variables/toDto.js';
export { typedValueFromFormPart, type BinaryFormPart } from './execution/variables/formPart.js';
export { inferTypedValue } from './execution/variables/infer.js';
export {
  FORMAT_JSON, INFO_ENCODING, INFO_FILENAME, INFO_MIME_TYPE, INFO_OBJECT_TYPE_NAME, INFO_SERIALIZATION_DATA_FORMAT,
} from './execution/variables/formats.js';
export { defaultCodec } from './execution/runtime/codec.js';
export { formatDate, parseDate } from './util/dates.js';
export { FakeClock, SystemClock, type Clock } from './util/Clock.js';
export { readConfig, type ServerConfig } from './config.js';
