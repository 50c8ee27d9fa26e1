/**
 * Script port: runs a script of a given language with bindings, inside an isolation boundary with
 * time and memory limits. The execution bridge is synchronous: variables are loaded before the
 * script runs and writes are recorded in memory, then flushed with the command.
 */

/** The `execution` object scripts see (Camunda's DelegateExecution, the part scripts use). */
export interface ScriptExecutionBridge {
  getVariable(name: string): unknown;
  getVariableLocal(name: string): unknown;
  setVariable(name: string, value: unknown): void;
  setVariableLocal(name: string, value: unknown): void;
  hasVariable(name: string): boolean;
  removeVariable(name: string): void;
  getVariables(): Record<string, unknown>;
  readonly id: string;
  readonly processInstanceId: string;
  readonly processDefinitionId: string;
  readonly activityId: string | null;
  readonly activityInstanceId: string | null;
  readonly businessKey: string | null;
  readonly tenantId: string | null;
  readonly eventName: string | null;
}

export interface ScriptInvocation {
  language: string;
  source: string;
  /** Name for error messages, e.g. the activity id. */
  name: string;
  /** Values bound as globals (Camunda binds every visible variable by name). */
  variables: Record<string, unknown>;
  execution: ScriptExecutionBridge;
  /** Extra objects bound by name, e.g. `task` in a task listener. */
  beans?: Record<string, unknown>;
}

export interface ScriptRunner {
  /** Languages this runner accepts (lowercase), e.g. ['javascript', 'js', 'ecmascript']. */
  readonly languages: readonly string[];
  /** Returns the value of the script's last expression; throws EngineError or BpmnError. */
  run(invocation: ScriptInvocation): Promise<unknown>;
  dispose(): void;
}
