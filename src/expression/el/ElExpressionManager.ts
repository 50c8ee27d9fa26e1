/**
 * The JUEL-subset implementation of the ExpressionManager port (Camunda 7's JuelExpressionManager):
 * texts are parsed once and cached by their exact text, and each parsed expression evaluates against
 * any number of contexts. Syntax errors read "Error parsing '<text>': <JUEL detail>"; evaluation
 * errors read as Camunda's JuelExpression reports them. Both are EngineError `expressionEvaluation`.
 */
import { EngineError } from '../../errors/EngineError.js';
import type { ElContext, Expression, ExpressionManager } from '../ExpressionManager.js';
import type { ElNode } from './ast.js';
import { evaluateNode } from './evaluator.js';
import { toEngineError } from './faults.js';
import { ElSyntaxError } from './lexer.js';
import { parseEl } from './parser.js';

/** Tuning for ElExpressionManager. */
export interface ElExpressionManagerOptions {
  /**
   * How many parsed texts to keep (least recently used are dropped first); JUEL's own tree cache
   * defaults to 1000. Bounded because some texts come from API callers, not only from models.
   */
  readonly cacheSize?: number;
}

/** A parsed `${…}`/`#{…}` text; immutable and safe to share between evaluations. */
class ElExpression implements Expression {
  constructor(
    readonly text: string,
    readonly isLiteral: boolean,
    private readonly root: ElNode,
  ) {}

  evaluate(context: ElContext): unknown {
    try {
      return evaluateNode(this.root, context);
    } catch (error) {
      throw toEngineError(error, this.text);
    }
  }
}

/**
 * Parses one text without caching; throws EngineError `expressionEvaluation` with JUEL's
 * "Error parsing '…': syntax error at position …" message on invalid syntax.
 */
export function parseElExpression(text: string): Expression {
  try {
    const tree = parseEl(text);
    return new ElExpression(text, tree.isLiteral, tree.root);
  } catch (error) {
    if (error instanceof ElSyntaxError) {
      throw new EngineError('expressionEvaluation', `Error parsing '${text}': ${error.message}`, { cause: error });
    }
    if (error instanceof RangeError) {
      // Stack exhaustion on absurdly deep nesting; JUEL would fail with a StackOverflowError.
      throw new EngineError('expressionEvaluation', `Error parsing '${text}': expression is nested too deeply`, { cause: error });
    }
    throw error;
  }
}

/** ExpressionManager for Camunda's expression language: parse once, cache by text, evaluate many. */
export class ElExpressionManager implements ExpressionManager {
  private readonly cache = new Map<string, Expression>();
  private readonly cacheSize: number;

  constructor(options: ElExpressionManagerOptions = {}) {
    this.cacheSize = Math.max(0, options.cacheSize ?? 1000);
  }

  parse(text: string): Expression {
    const cached = this.cache.get(text);
    if (cached !== undefined) {
      // Re-insert so that Map order stays least-recently-used first.
      this.cache.delete(text);
      this.cache.set(text, cached);
      return cached;
    }
    const expression = parseElExpression(text);
    if (this.cacheSize > 0) {
      this.cache.set(text, expression);
      if (this.cache.size > this.cacheSize) {
        const oldest = this.cache.keys().next();
        if (oldest.done !== true) this.cache.delete(oldest.value);
      }
    }
    return expression;
  }
}
