/**
 * Types for the parts of camunda-external-task-client-js 3.1.0 (which ships none) that the compat
 * scenario and the benchmark use. Written from the package's public API (README and lib/*.js).
 */
declare module 'camunda-external-task-client-js' {
  import type { EventEmitter } from 'node:events';

  /** A variable as the REST API carries it. */
  export interface TypedValue {
    type: string;
    value: unknown;
    valueInfo?: Record<string, unknown>;
  }

  /** A variable set: `get` deserializes (json → object, date → Date, file → File). */
  export class Variables {
    constructor(initial?: Record<string, TypedValue>);
    get(name: string): unknown;
    getTyped(name: string): TypedValue | null;
    getAll(): Record<string, unknown>;
    getAllTyped(): Record<string, TypedValue>;
    set(name: string, value: unknown): this;
    setTyped(name: string, typedValue: TypedValue): this;
    setAll(values: Record<string, unknown>): this;
    setTransient(name: string, value: unknown): this;
  }

  /** A file variable; `load()` reads `localPath` (or downloads `remotePath`). */
  export class File {
    constructor(options: { localPath?: string; remotePath?: string; filename?: string; mimetype?: string; encoding?: string });
    filename: string;
    mimetype?: string;
    encoding?: string;
    content: Buffer | string;
    load(): Promise<this>;
    createTypedValue(): TypedValue;
  }

  /** A fetched and locked task, as handed to a subscription's handler. */
  export interface Task {
    id: string;
    topicName: string;
    activityId: string;
    processInstanceId: string;
    processDefinitionId: string;
    businessKey: string | null;
    workerId: string;
    retries: number | null;
    variables: Variables;
    [field: string]: unknown;
  }

  /** The failure report of `handleFailure`. */
  export interface FailureOptions {
    errorMessage?: string;
    errorDetails?: string;
    retries?: number;
    retryTimeout?: number;
  }

  /** Completes, fails and re-locks tasks (each call is one REST request). */
  export interface TaskService {
    complete(task: Task | string, variables?: Variables, localVariables?: Variables): Promise<void>;
    handleFailure(task: Task | string, options: FailureOptions): Promise<void>;
    handleBpmnError(task: Task | string, errorCode: string, errorMessage?: string, variables?: Variables): Promise<void>;
    extendLock(task: Task | string, newDuration: number): Promise<void>;
    lock(task: Task | string, duration: number): Promise<void>;
    unlock(task: Task | string): Promise<void>;
  }

  /** The handler of a topic subscription. */
  export type Handler = (args: { task: Task; taskService: TaskService }) => Promise<void> | void;

  /** Options of a topic subscription (sent as fetchAndLock topic filters). */
  export interface SubscribeOptions {
    lockDuration?: number;
    variables?: string[];
    businessKey?: string;
    processDefinitionId?: string;
    processDefinitionKey?: string;
    localVariables?: boolean;
    includeExtensionProperties?: boolean;
  }

  /** Client options (defaults: maxTasks 10, interval 300 ms, lockDuration 50 s, autoPoll true). */
  export interface ClientOptions {
    baseUrl: string;
    workerId?: string;
    maxTasks?: number;
    maxParallelExecutions?: number;
    interval?: number;
    lockDuration?: number;
    autoPoll?: boolean;
    asyncResponseTimeout?: number;
    usePriority?: boolean;
    interceptors?: unknown;
    use?: ((client: Client) => void) | ((client: Client) => void)[];
  }

  /** The polling worker. */
  export class Client extends EventEmitter {
    constructor(options: ClientOptions);
    subscribe(topic: string, options: SubscribeOptions, handler: Handler): { unsubscribe(): void };
    subscribe(topic: string, handler: Handler): { unsubscribe(): void };
    start(): void;
    stop(): void;
  }

  /** Logs the client's events to the console. */
  export const logger: ((client: Client) => void) & { level(level: string): (client: Client) => void };
}
