import ivm from 'isolated-vm';
import { BpmnError, engineError } from '../../errors/EngineError.js';
import { HostBoundary, toHostValue, type WireNode } from './HostBoundary.js';
import { SANDBOX_RUNNER_SOURCE } from './sandboxSource.js';
import {
  describeScriptError,
  scriptErrorContext,
  scriptEvaluationError,
  scriptFileName,
  unsupportedLanguageError,
  type ScriptErrorContext,
} from './scriptErrors.js';
import type { ScriptInvocation, ScriptRunner } from './ScriptRunner.js';

/** Script languages Camunda resolves to its JavaScript engine (Nashorn or Graal.js), lowercase. */
export const JAVASCRIPT_LANGUAGES: readonly string[] = Object.freeze([
  'javascript',
  'js',
  'ecmascript',
  'nashorn',
  'graal.js',
]);

/** Limits and hooks of the sandboxed JavaScript runner; every field has a default. */
export interface SandboxedJsRunnerOptions {
  /** Heap limit of each isolate in MB (isolated-vm's minimum is 8). Default 32. */
  memoryLimitMb?: number;
  /** Wall-clock limit of one script run in ms, host callbacks included. Default 5000. */
  timeoutMs?: number;
  /** Isolates that runs are spread over (an isolate runs one script at a time). Default 1. */
  poolSize?: number;
  /** Limit of function-carrying objects exposed to one run. Default 10000. */
  maxHostObjects?: number;
  /** Receives the output of the script global `print(...)`; without it `print` does nothing. */
  onPrint?: (message: string) => void;
}

type SandboxOutcome =
  | { readonly kind: 'ok'; readonly value: unknown }
  | { readonly kind: 'bpmn'; readonly code: string; readonly message: string | null }
  | { readonly kind: 'host'; readonly ref: number }
  | { readonly kind: 'js'; readonly name: string; readonly message: string; readonly stack: string };

const TIMEOUT_MESSAGE = 'Script execution timed out.';
const SOURCE_CACHE_SIZE = 500;
/** How long past the time limit the watchdog waits before disposing a runaway isolate. */
const KILL_GRACE_MS = 1000;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Validates what the sandbox returned; anything malformed counts as a script error. */
function readOutcome(raw: unknown): SandboxOutcome {
  const envelope = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (envelope.ok === true) return { kind: 'ok', value: toHostValue(envelope.v) };
  if (envelope.k === 'bpmn' && typeof envelope.code === 'string') {
    return { kind: 'bpmn', code: envelope.code, message: typeof envelope.message === 'string' ? envelope.message : null };
  }
  if (envelope.k === 'host' && typeof envelope.ref === 'number') return { kind: 'host', ref: envelope.ref };
  const message = envelope.k === 'js' ? text(envelope.message) : 'the sandbox returned no result';
  return { kind: 'js', name: text(envelope.name), message, stack: text(envelope.stack) };
}

/**
 * One isolate, recreated when the memory limit (or a fatal V8 error) disposed it. Runs take turns:
 * an isolate executes one script at a time anyway, and queuing here makes the time limit start
 * when the script starts rather than when it was submitted.
 */
class IsolateSlot {
  private isolate: ivm.Isolate | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  pending = 0;

  constructor(private readonly memoryLimitMb: number) {}

  exclusive<T>(task: (isolate: ivm.Isolate) => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(() => task(this.acquire()));
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }

  dispose(): void {
    if (this.isolate !== null && !this.isolate.isDisposed) this.isolate.dispose();
    this.isolate = null;
  }

  private acquire(): ivm.Isolate {
    if (this.isolate === null || this.isolate.isDisposed) {
      const isolate = new ivm.Isolate({
        memoryLimit: this.memoryLimitMb,
        onCatastrophicError: () => {
          if (this.isolate === isolate) this.isolate = null;
        },
      });
      this.isolate = isolate;
    }
    return this.isolate;
  }
}

/** What one run needs to report its failure. */
interface RunState {
  readonly context: ScriptErrorContext;
  readonly fileName: string;
  readonly boundary: HostBoundary;
  /** Set when the watchdog had to dispose the isolate. */
  killed: boolean;
}

/**
 * The script port for JavaScript, run in a separate V8 isolate (isolated-vm) with a heap limit and
 * a wall-time limit, a fresh context per run on a reused isolate. Camunda semantics: every
 * variable is a global by name, `execution` and the beans are bound, the completion value of the
 * last statement is the result, a thrown `BpmnError` surfaces as such, anything else becomes a
 * `ScriptEvaluationException` and a syntax error a `ScriptCompilationException`.
 *
 * The sandbox has only ECMAScript built-ins plus `BpmnError` (also reachable as
 * `org.camunda.bpm.engine.delegate.BpmnError` and via `Java.type(...)`) and `print`: no `require`,
 * `process`, file system, network, timers or WebAssembly.
 *
 * Time limit: isolated-vm's `timeout` stops pure-JS loops on time but overshoots badly while the
 * script keeps calling into the host, so host callbacks are refused past the deadline and a
 * watchdog disposes the isolate `KILL_GRACE_MS` after it. Runs on one isolate take turns.
 * Cost: about 2–3 ms per run on a reused isolate, most of it creating the fresh context.
 *
 * Node 20+: isolated-vm needs the process started with `--no-node-snapshot` (vitest sets it in
 * vitest.config.ts; for the server use `node --no-node-snapshot` or
 * `NODE_OPTIONS=--no-node-snapshot`).
 */
export class SandboxedJsRunner implements ScriptRunner {
  readonly languages: readonly string[] = JAVASCRIPT_LANGUAGES;
  private readonly memoryLimitMb: number;
  private readonly timeoutMs: number;
  private readonly maxHostObjects: number;
  private readonly onPrint: ((message: string) => void) | undefined;
  private readonly slots: IsolateSlot[];
  private readonly compiledSources = new Set<string>();
  private disposed = false;

  constructor(options: SandboxedJsRunnerOptions = {}) {
    this.memoryLimitMb = Math.max(8, options.memoryLimitMb ?? 32);
    this.timeoutMs = Math.max(1, options.timeoutMs ?? 5000);
    this.maxHostObjects = Math.max(1, options.maxHostObjects ?? 10_000);
    this.onPrint = options.onPrint;
    const poolSize = Math.max(1, Math.floor(options.poolSize ?? 1));
    this.slots = Array.from({ length: poolSize }, () => new IsolateSlot(this.memoryLimitMb));
  }

  /** Whether `language` (any case) is one of {@link JAVASCRIPT_LANGUAGES}. */
  supports(language: string): boolean {
    return this.languages.includes(language.toLowerCase());
  }

  async run(invocation: ScriptInvocation): Promise<unknown> {
    if (this.disposed) throw engineError('processEngine', 'The JavaScript script runner has been disposed');
    if (!this.supports(invocation.language)) throw unsupportedLanguageError(invocation.language);
    const slot = this.slots.reduce((best, candidate) => (candidate.pending < best.pending ? candidate : best));
    return slot.exclusive((isolate) => this.runIn(isolate, invocation));
  }

  dispose(): void {
    this.disposed = true;
    for (const slot of this.slots) slot.dispose();
  }

  private async runIn(isolate: ivm.Isolate, invocation: ScriptInvocation): Promise<unknown> {
    const context = scriptErrorContext(invocation);
    const fileName = scriptFileName(invocation.name);
    await this.checkSyntax(isolate, invocation.source, fileName, context);
    const boundary = new HostBoundary(this.maxHostObjects, performance.now() + this.timeoutMs);
    const run: RunState = { context, fileName, boundary, killed: false };
    const outcome = readOutcome(await this.evaluate(isolate, invocation, run));
    if (boundary.expired) throw this.timeoutFailure(context);
    switch (outcome.kind) {
      case 'ok':
        return outcome.value;
      case 'bpmn':
        throw outcome.message === null ? new BpmnError(outcome.code) : new BpmnError(outcome.code, outcome.message);
      case 'host':
        throw this.hostFailure(boundary.error(outcome.ref), context);
      case 'js':
        throw scriptEvaluationError(context, describeScriptError(outcome.name, outcome.message, outcome.stack, fileName));
    }
  }

  /**
   * Compiles once per distinct source (without running it). Camunda never compiles JavaScript
   * (its ScriptFactory skips ECMAScript engines), so a syntax error surfaces the way it does
   * there: as a ScriptEvaluationException naming the activity.
   */
  private async checkSyntax(isolate: ivm.Isolate, source: string, fileName: string, context: ScriptErrorContext): Promise<void> {
    if (this.compiledSources.has(source)) return;
    try {
      const script = await isolate.compileScript(source, { filename: fileName });
      script.release();
    } catch (error) {
      if (isolate.isDisposed) throw this.memoryFailure(context, error);
      const name = error instanceof Error ? error.name : 'SyntaxError';
      const message = error instanceof Error ? error.message : String(error);
      throw scriptEvaluationError(context, `${name}: ${message}`, error);
    }
    if (this.compiledSources.size >= SOURCE_CACHE_SIZE) this.compiledSources.clear();
    this.compiledSources.add(source);
  }

  private async evaluate(isolate: ivm.Isolate, invocation: ScriptInvocation, run: RunState): Promise<unknown> {
    let bindings: ivm.Copy<Array<[string, WireNode]>>;
    try {
      bindings = new ivm.ExternalCopy(this.bindings(invocation, run.boundary)).copyInto({ release: true });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw scriptEvaluationError(run.context, `the script bindings cannot be copied into the sandbox: ${reason}`, error);
    }
    const boundary = run.boundary;
    const hostCall = new ivm.Callback((id: unknown, op: unknown, args: unknown) => boundary.invoke(id, op, args));
    const sandbox = await isolate.createContext();
    // Last resort when isolated-vm's own time limit does not stop the script.
    const watchdog = setTimeout(() => {
      run.killed = true;
      isolate.dispose();
    }, this.timeoutMs + KILL_GRACE_MS);
    try {
      const result: unknown = await sandbox.evalClosure(
        SANDBOX_RUNNER_SOURCE,
        [invocation.source, bindings, hostCall, run.fileName],
        { timeout: this.timeoutMs, result: { copy: true } },
      );
      return result;
    } catch (error) {
      throw this.abortFailure(isolate, error, run);
    } finally {
      clearTimeout(watchdog);
      if (!isolate.isDisposed) sandbox.release();
    }
  }

  /** Globals in Camunda's precedence: `print`, then variables, then beans, then `execution`. */
  private bindings(invocation: ScriptInvocation, boundary: HostBoundary): Array<[string, WireNode]> {
    const entries: Array<[string, unknown]> = [];
    const onPrint = this.onPrint;
    if (onPrint !== undefined) {
      entries.push(['print', (...parts: unknown[]) => onPrint(parts.map((part) => String(part)).join(' '))]);
    }
    entries.push(...Object.entries(invocation.variables));
    entries.push(...Object.entries(invocation.beans ?? {}));
    entries.push(['execution', invocation.execution]);
    return entries.map(([name, value]): [string, WireNode] => [name, boundary.encode(value)]);
  }

  /** The run was stopped from outside the script: time limit, memory limit or a copy failure. */
  private abortFailure(isolate: ivm.Isolate, error: unknown, run: RunState): Error {
    const message = error instanceof Error ? error.message : String(error);
    if (run.killed || run.boundary.expired || message === TIMEOUT_MESSAGE) return this.timeoutFailure(run.context, error);
    if (isolate.isDisposed && message.includes('memory limit')) return this.memoryFailure(run.context, error);
    if (isolate.isDisposed) return scriptEvaluationError(run.context, `Script execution was aborted: ${message}`, error);
    const name = error instanceof Error ? error.name : 'Error';
    return scriptEvaluationError(run.context, `${name}: ${message}`, error);
  }

  private timeoutFailure(context: ScriptErrorContext, error?: unknown): Error {
    return scriptEvaluationError(context, `Script execution timed out after ${this.timeoutMs} ms`, error);
  }

  private memoryFailure(context: ScriptErrorContext, error: unknown): Error {
    return scriptEvaluationError(context, `Script exceeded the memory limit of ${this.memoryLimitMb} MB`, error);
  }

  /** Camunda rethrows a BpmnError raised by Java code the script called and wraps anything else. */
  private hostFailure(error: unknown, context: ScriptErrorContext): Error {
    if (error instanceof BpmnError) return error;
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    return scriptEvaluationError(context, `${name}: ${message}`, error);
  }
}

/** Creates the sandboxed JavaScript runner (the default implementation of the script port). */
export function createScriptRunner(options: SandboxedJsRunnerOptions = {}): SandboxedJsRunner {
  return new SandboxedJsRunner(options);
}
