/**
 * m8flow's public API: the process engine, its services and the REST application factory.
 */
export { ProcessEngine } from './engine/ProcessEngine.js';
export type { EngineConfig } from './engine/EngineConfig.js';
export { createApp, type AppOptions } from './rest/app.js';
export { readConfig, type ServerConfig } from './config.js';
export { EngineError, BpmnError } from './errors/EngineError.js';
export { catalogue } from './errors/catalogue.js';
export { FakeClock, SystemClock, type Clock } from './util/Clock.js';
export type { QueryRequest, Sorting, VariableFilter } from './engine/query/QueryRequest.js';
export type { TypedValue, VariableValueDto } from './execution/variables/TypedValue.js';
export type {
  DeploymentEntity as Deployment, ProcessDefinitionEntity as ProcessDefinition, ExecutionEntity as Execution,
  TaskEntity as Task, ExternalTaskEntity as ExternalTask, HistoricProcessInstanceEntity as HistoricProcessInstance,
  HistoricActivityInstanceEntity as HistoricActivityInstance, HistoricTaskInstanceEntity as HistoricTaskInstance,
  HistoricVariableInstanceEntity as HistoricVariableInstance,
} from './persistence/ports/entities.js';
