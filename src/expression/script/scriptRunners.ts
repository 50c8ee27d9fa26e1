import { createScriptRunner, type SandboxedJsRunnerOptions } from './SandboxedJsRunner.js';
import { unsupportedLanguageError } from './scriptErrors.js';
import type { ScriptInvocation, ScriptRunner } from './ScriptRunner.js';

/**
 * Registry from script language (case-insensitive, as Camunda's `ScriptingEngines` lowercases
 * it) to runner. A language no runner accepts (groovy, python, …) is reported with Camunda's
 * "Can't find scripting engine for '<language>'" error.
 */
export class ScriptRunners {
  private readonly byLanguage = new Map<string, ScriptRunner>();

  constructor(runners: readonly ScriptRunner[]) {
    for (const runner of runners) {
      for (const language of runner.languages) {
        if (!this.byLanguage.has(language.toLowerCase())) this.byLanguage.set(language.toLowerCase(), runner);
      }
    }
  }

  /** All accepted languages, lowercase. */
  get languages(): readonly string[] {
    return [...this.byLanguage.keys()];
  }

  supports(language: string): boolean {
    return this.byLanguage.has(language.toLowerCase());
  }

  /** The runner for `language`; throws the unsupported-language EngineError otherwise. */
  forLanguage(language: string): ScriptRunner {
    const runner = this.byLanguage.get(language.toLowerCase());
    if (runner === undefined) throw unsupportedLanguageError(language);
    return runner;
  }

  /** Runs the invocation with the runner of its language. */
  run(invocation: ScriptInvocation): Promise<unknown> {
    try {
      return this.forLanguage(invocation.language).run(invocation);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Disposes every registered runner once. */
  dispose(): void {
    for (const runner of new Set(this.byLanguage.values())) runner.dispose();
  }
}

/**
 * The default registry: the sandboxed JavaScript runner only (`timeoutMs`, `memoryLimitMb`, …
 * as in {@link SandboxedJsRunnerOptions}).
 */
export function createScriptRunners(options: SandboxedJsRunnerOptions = {}): ScriptRunners {
  return new ScriptRunners([createScriptRunner(options)]);
}
