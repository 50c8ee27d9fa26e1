import type { StoredVariable, VariableModifications } from '../../../api.js';
import type { ProcessEngine } from '../../../api.js';

/** Which variable resource a route set serves (Camunda's AbstractVariablesResource subclasses). */
export type VariableResourceKind = 'process-instance' | 'task' | 'task-local' | 'execution-local';

/** The seven routes every variable resource has, in Camunda's VariableResource order. */
export type VariableRoute = 'list' | 'modify' | 'get' | 'put' | 'delete' | 'getBinary' | 'setBinary';

/**
 * What an engine-rest variables resource delegates to the engine (Camunda's
 * `getVariableEntities`, `getVariableEntity`, `updateVariableEntities`, `removeVariableEntity`),
 * plus `getResourceTypeName()` for its messages. Setting one variable is a modification of one.
 */
export interface VariableResource {
  /** Camunda's resource type name: "process instance", "task" or "execution". */
  readonly typeName: string;
  /** Camunda's operationId for each route of this resource in the contract. */
  readonly operations: Readonly<Record<VariableRoute, string>>;
  list(engine: ProcessEngine, id: string): Promise<StoredVariable[]>;
  get(engine: ProcessEngine, id: string, name: string): Promise<StoredVariable | null>;
  modify(engine: ProcessEngine, id: string, changes: VariableModifications): Promise<void>;
  remove(engine: ProcessEngine, id: string, name: string): Promise<void>;
}

function removal(name: string): VariableModifications {
  return { modifications: new Map(), deletions: [name] };
}

/**
 * Process instance (`ExecutionVariablesResource` with "process instance") and execution-local
 * (`LocalExecutionVariablesResource`): both address an execution by id; only locality differs.
 */
function executionResource(local: boolean, typeName: string, operations: Record<VariableRoute, string>): VariableResource {
  return {
    typeName, operations,
    list: (engine, id) => engine.runtime.getVariables(id, local),
    get: (engine, id, name) => engine.runtime.getVariable(id, name, local),
    modify: (engine, id, changes) => engine.runtime.modifyVariables(id, changes, local),
    remove: (engine, id, name) => engine.runtime.modifyVariables(id, removal(name), local),
  };
}

/** `TaskVariablesResource` / `LocalTaskVariablesResource` (both named "task" in messages). */
function taskResource(local: boolean, operations: Record<VariableRoute, string>): VariableResource {
  return {
    typeName: 'task', operations,
    list: (engine, id) => engine.tasks.getVariablesTyped(id, local),
    get: (engine, id, name) => engine.tasks.getVariable(id, name, local),
    modify: (engine, id, changes) => engine.tasks.modifyVariables(id, changes, local),
    remove: (engine, id, name) => engine.tasks.removeVariable(id, name, local),
  };
}

const RESOURCES: Readonly<Record<VariableResourceKind, VariableResource>> = {
  'process-instance': executionResource(false, 'process instance', {
    list: 'getProcessInstanceVariables', modify: 'modifyProcessInstanceVariables', get: 'getProcessInstanceVariable',
    put: 'setProcessInstanceVariable', delete: 'deleteProcessInstanceVariable',
    getBinary: 'getProcessInstanceVariableBinary', setBinary: 'setProcessInstanceVariableBinary',
  }),
  'execution-local': executionResource(true, 'execution', {
    list: 'getLocalExecutionVariables', modify: 'modifyLocalExecutionVariables', get: 'getLocalExecutionVariable',
    put: 'putLocalExecutionVariable', delete: 'deleteLocalExecutionVariable',
    getBinary: 'getLocalExecutionVariableBinary', setBinary: 'setLocalExecutionVariableBinary',
  }),
  task: taskResource(false, {
    list: 'getTaskVariables', modify: 'modifyTaskVariables', get: 'getTaskVariable', put: 'putTaskVariable',
    delete: 'deleteTaskVariable', getBinary: 'getTaskVariableBinary', setBinary: 'setBinaryTaskVariable',
  }),
  'task-local': taskResource(true, {
    list: 'getTaskLocalVariables', modify: 'modifyTaskLocalVariables', get: 'getTaskLocalVariable',
    put: 'putTaskLocalVariable', delete: 'deleteTaskLocalVariable',
    getBinary: 'getTaskLocalVariableBinary', setBinary: 'setBinaryTaskLocalVariable',
  }),
};

/** The variables resource of one kind. */
export function variableResource(kind: VariableResourceKind): VariableResource {
  return RESOURCES[kind];
}
