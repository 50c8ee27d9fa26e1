/**
 * Test doubles for the EL: a context over a variable map (variables first, then beans, as Camunda's
 * VariableScopeElResolver does), a minimal `execution` bean, and shorthands to evaluate or capture
 * the EngineError of a text.
 */
import { expect } from 'vitest';
import { EngineError } from '../../../../src/errors/EngineError.js';
import type { ElBean, ElContext, Resolution } from '../../../../src/expression/ExpressionManager.js';
import { ElExpressionManager } from '../../../../src/expression/el/ElExpressionManager.js';

/** Functions callable without a target, e.g. `currentUser()`. */
export type ElFunctions = Readonly<Record<string, (...args: unknown[]) => unknown>>;

/** Options for `contextOf`. */
export interface ContextOptions {
  readonly beans?: Readonly<Record<string, unknown>>;
  readonly functions?: ElFunctions;
}

/** Builds an ElContext: variables by own key, then beans; functions through resolveFunction. */
export function contextOf(variables: Readonly<Record<string, unknown>> = {}, options: ContextOptions = {}): ElContext {
  const beans = options.beans ?? {};
  const functions = options.functions ?? {};
  return {
    resolve(name: string): Resolution {
      if (Object.hasOwn(variables, name)) return { found: true, value: variables[name] };
      if (Object.hasOwn(beans, name)) return { found: true, value: beans[name] };
      return { found: false };
    },
    resolveFunction(name: string) {
      return Object.hasOwn(functions, name) ? functions[name] : undefined;
    },
  };
}

/** A bean with the given methods and readable properties. */
export function beanOf(
  methods: Readonly<Record<string, (...args: unknown[]) => unknown>>,
  properties: Readonly<Record<string, unknown>> = {},
): ElBean {
  return {
    elMethods: methods,
    elProperty(name: string): Resolution {
      return Object.hasOwn(properties, name) ? { found: true, value: properties[name] } : { found: false };
    },
  };
}

/** An `execution` bean over a variable map, with the DelegateExecution calls users write most. */
export function executionOf(variables: Readonly<Record<string, unknown>>, id = 'exec-1'): ElBean {
  return beanOf(
    {
      getVariable: (name) => (Object.hasOwn(variables, String(name)) ? variables[String(name)] : null),
      hasVariable: (name) => Object.hasOwn(variables, String(name)),
      getId: () => id,
      getProcessBusinessKey: () => 'order-4711',
    },
    { id, processInstanceId: 'pi-1', processBusinessKey: 'order-4711', activityId: 'approve', eventName: 'start' },
  );
}

const manager = new ElExpressionManager();

/** Evaluates `text` against variables (plus an `execution` bean over the same variables). */
export function evaluate(text: string, variables: Readonly<Record<string, unknown>> = {}, options: ContextOptions = {}): unknown {
  const beans = { execution: executionOf(variables), ...options.beans };
  return manager.parse(text).evaluate(contextOf(variables, { ...options, beans }));
}

/** Runs `action`, asserts it throws an EngineError, and returns that error. */
export function engineErrorOf(action: () => unknown): EngineError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }
  throw new Error('expected an EngineError, but nothing was thrown');
}

/** The message of the EngineError that parsing or evaluating `text` throws. */
export function errorMessage(text: string, variables: Readonly<Record<string, unknown>> = {}, options: ContextOptions = {}): string {
  return engineErrorOf(() => evaluate(text, variables, options)).message;
}
