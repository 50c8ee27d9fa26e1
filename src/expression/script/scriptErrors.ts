import { EngineError, engineError } from '../../errors/EngineError.js';
import type { ScriptInvocation } from './ScriptRunner.js';

/** Where a script ran, for Camunda's "while executing activity … in the process definition …". */
export interface ScriptErrorContext {
  readonly activityId: string | null;
  readonly processDefinitionId: string | null;
}

function readBridge<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/**
 * Camunda names the current activity of the execution (`ExecutableScript
 * .getActivityIdExceptionMessage`); when the bridge has none we fall back to the invocation
 * name, which callers set to the activity id.
 */
export function scriptErrorContext(invocation: ScriptInvocation): ScriptErrorContext {
  const activityId = readBridge(() => invocation.execution.activityId, null);
  const processDefinitionId = readBridge(() => invocation.execution.processDefinitionId, null);
  const fallback = invocation.name === '' ? null : invocation.name;
  return { activityId: activityId ?? fallback, processDefinitionId };
}

function activityPart(context: ScriptErrorContext): string {
  if (context.activityId === null) return '';
  const definition =
    context.processDefinitionId === null ? '' : ` in the process definition with id '${context.processDefinitionId}'`;
  return ` while executing activity '${context.activityId}'${definition}`;
}

/**
 * Camunda's `ScriptEvaluationException`: "Unable to evaluate script while executing activity
 * '<id>' in the process definition with id '<pdid>': <cause>".
 */
export function scriptEvaluationError(context: ScriptErrorContext, cause: string, error?: unknown): EngineError {
  const message = `Unable to evaluate script${activityPart(context)}: ${cause}`;
  return engineError('scriptEvaluation', message, error === undefined ? {} : { cause: error });
}

/** Camunda's `ScriptCompilationException`: "Unable to compile script: <cause>". */
export function scriptCompilationError(cause: string, error: unknown): EngineError {
  return engineError('scriptCompilation', `Unable to compile script: ${cause}`, { cause: error });
}

/**
 * No engine for a language (Camunda `ScriptingEngines.getGlobalScriptEngine`, a
 * `NullValueException`): "Can't find scripting engine for 'groovy': scriptEngine is null".
 */
export function unsupportedLanguageError(language: string): EngineError {
  return engineError('nullValue', `Can't find scripting engine for '${language}': scriptEngine is null`);
}

/** A file name safe to use in `//# sourceURL=` and to look for in stack traces. */
export function scriptFileName(name: string): string {
  const safe = name.replace(/[^\w.-]/g, '_');
  return safe === '' ? 'script' : safe;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * "TypeError: x is not a function in <file> at line number 3 at column number 5", the shape of a
 * JSR-223 `ScriptException` message that Camunda puts after the colon.
 */
export function describeScriptError(name: string, message: string, stack: string, fileName: string): string {
  const head = name === '' ? message : `${name}: ${message}`;
  const location = new RegExp(`${escapeRegExp(fileName)}:(\\d+):(\\d+)`).exec(stack);
  if (location === null) return head;
  return `${head} in ${fileName} at line number ${location[1] ?? ''} at column number ${location[2] ?? ''}`;
}
