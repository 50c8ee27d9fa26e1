import type { Handler } from '../reply.js';

/** Which variable resource a route set serves (Camunda's AbstractVariablesResource subclasses). */
export type VariableResourceKind = 'process-instance' | 'task' | 'task-local' | 'execution-local';

/** Variable routes (list, modify, get, put, delete, binary data) for one resource kind. */
export function variableHandlers(kind: VariableResourceKind): Record<string, Handler> {
  void kind;
  return {};
}
