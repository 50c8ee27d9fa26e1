/**
 * Expression port: parse `${…}` / `#{…}` text once, evaluate many times against a context that
 * resolves identifiers (variables, then beans such as `execution` or `task`).
 */

export type Resolution = { found: true; value: unknown } | { found: false };

export interface ElContext {
  /** Looks up a top-level identifier. */
  resolve(name: string): Resolution;
  /** Looks up a function called without a target, e.g. `currentUser()`. */
  resolveFunction?(name: string): ((...args: unknown[]) => unknown) | undefined;
}

/**
 * An object whose methods expressions may call, e.g. `execution.getVariable('x')`. Only values
 * implementing this interface (plus a fixed list of string, list and map methods) are callable,
 * so expressions cannot reach arbitrary JavaScript.
 */
export interface ElBean {
  readonly elMethods: Readonly<Record<string, (...args: unknown[]) => unknown>>;
  /** Properties readable as `bean.property`; defaults to none. */
  elProperty?(name: string): Resolution;
}

export interface Expression {
  readonly text: string;
  /** True when the text holds no `${…}`/`#{…}` at all (a plain string). */
  readonly isLiteral: boolean;
  evaluate(context: ElContext): unknown;
}

export interface ExpressionManager {
  /** Parses and caches; throws EngineError `expressionEvaluation` on a syntax error. */
  parse(text: string): Expression;
}
