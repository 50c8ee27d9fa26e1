/**
 * Recursive-descent parser for the JUEL subset, with JUEL's grammar and precedence (lowest
 * first): `?:`, `||`, `&&`, `==`/`!=`, relational, additive, multiplicative, unary, then value
 * suffixes (`.name`, `[expr]`, method calls). A text mixing literal parts and `${…}` blocks becomes a
 * composite; mixing `${` and `#{` in one text is a syntax error, as in JUEL.
 */
import type { BinaryOperator, BracketNode, DotNode, ElNode, EvalNode, UnaryOperator } from './ast.js';
import { ElSyntaxError, Lexer, SYMBOL_NAMES, formatPosition, type Token, type TokenKind } from './lexer.js';
import { formatDouble } from './javaText.js';

/** A parsed expression text: its tree and whether it is plain literal text. */
export interface ElTree {
  readonly root: ElNode;
  /** True when the text contains no `${…}`/`#{…}` block (JUEL `isLiteralText`). */
  readonly isLiteral: boolean;
}

/** Parses a whole expression text; throws ElSyntaxError with JUEL's message on bad input. */
export function parseEl(text: string): ElTree {
  return new Parser(text).tree();
}

/** What JUEL lists as acceptable at the start of an operand. */
const EXPR_FIRST = (['identifier', 'string', 'float', 'integer', 'true', 'false', 'null', 'minus', 'not', 'empty', 'lparen'] as const)
  .map((kind) => SYMBOL_NAMES[kind]).join('|');

const LONG_MAX = 2n ** 63n - 1n;

const EQUALITY: ReadonlyMap<TokenKind, BinaryOperator> = new Map([['eq', 'eq'], ['ne', 'ne']]);
const RELATIONAL: ReadonlyMap<TokenKind, BinaryOperator> = new Map([['lt', 'lt'], ['le', 'le'], ['gt', 'gt'], ['ge', 'ge']]);
const ADDITIVE: ReadonlyMap<TokenKind, BinaryOperator> = new Map([['plus', 'add'], ['minus', 'sub']]);
const MULTIPLICATIVE: ReadonlyMap<TokenKind, BinaryOperator> = new Map([['mul', 'mul'], ['div', 'div'], ['mod', 'mod']]);
const UNARY: ReadonlyMap<TokenKind, UnaryOperator> = new Map([['not', 'not'], ['minus', 'neg'], ['empty', 'empty']]);
const OR: ReadonlyMap<TokenKind, BinaryOperator> = new Map([['or', 'or']]);
const AND: ReadonlyMap<TokenKind, BinaryOperator> = new Map([['and', 'and']]);

type Level = (required: boolean) => ElNode | null;

class Parser {
  private readonly lexer: Lexer;
  private readonly lookahead: Token[] = [];
  private token: Token = { kind: 'eof', image: null, position: 0, length: 0 };

  constructor(text: string) {
    this.lexer = new Lexer(text);
  }

  tree(): ElTree {
    this.consume();
    const first = this.text();
    if (this.kind() === 'eof') {
      return { root: first ?? { kind: 'text', value: '' }, isLiteral: true };
    }
    const head = this.evalBlock();
    if (this.kind() === 'eof' && first === null) {
      return { root: head, isLiteral: false };
    }
    const parts: ElNode[] = first === null ? [head] : [first, head];
    this.pushText(parts);
    while (this.kind() !== 'eof') {
      parts.push(this.requireEval(head.deferred));
      this.pushText(parts);
    }
    return { root: { kind: 'composite', parts }, isLiteral: false };
  }

  private pushText(parts: ElNode[]): void {
    const text = this.text();
    if (text !== null) parts.push(text);
  }

  private text(): ElNode | null {
    if (this.kind() !== 'text') return null;
    const value = this.token.image ?? '';
    this.consume();
    return { kind: 'text', value };
  }

  private evalBlock(): EvalNode {
    const deferred = this.kind() === 'startDeferred';
    if (!deferred && this.kind() !== 'startDynamic') {
      this.fail(`${SYMBOL_NAMES.startDeferred}|${SYMBOL_NAMES.startDynamic}`);
    }
    return this.requireEval(deferred);
  }

  private requireEval(deferred: boolean): EvalNode {
    this.expect(deferred ? 'startDeferred' : 'startDynamic');
    const expr = this.expr(true);
    this.expect('endEval');
    return { kind: 'eval', deferred, expr };
  }

  private expr(required: true): ElNode;
  private expr(required: boolean): ElNode | null;
  private expr(required: boolean): ElNode | null {
    const test = this.or(required);
    if (test === null || this.kind() !== 'question') return test;
    this.consume();
    const yes = this.expr(true);
    this.expect('colon');
    const no = this.expr(true);
    return { kind: 'choice', test, yes, no };
  }

  private readonly or: Level = (required) => this.binaryLevel(required, this.and, OR);
  private readonly and: Level = (required) => this.binaryLevel(required, this.equality, AND);
  private readonly equality: Level = (required) => this.binaryLevel(required, this.relational, EQUALITY);
  private readonly relational: Level = (required) => this.binaryLevel(required, this.additive, RELATIONAL);
  private readonly additive: Level = (required) => this.binaryLevel(required, this.multiplicative, ADDITIVE);
  private readonly multiplicative: Level = (required) => this.binaryLevel(required, this.unary, MULTIPLICATIVE);

  /** One left-associative precedence level: `next (op next)*`. */
  private binaryLevel(required: boolean, next: Level, ops: ReadonlyMap<TokenKind, BinaryOperator>): ElNode | null {
    let left = next(required);
    if (left === null) return null;
    for (let op = ops.get(this.kind()); op !== undefined; op = ops.get(this.kind())) {
      this.consume();
      left = { kind: 'binary', op, left, right: this.required(next(true)) };
    }
    return left;
  }

  private readonly unary: Level = (required) => {
    const op = UNARY.get(this.kind());
    let node: ElNode | null;
    if (op !== undefined) {
      this.consume();
      node = { kind: 'unary', op, operand: this.required(this.unary(true)) };
    } else {
      node = this.value();
    }
    if (node === null && required) this.fail(EXPR_FIRST);
    return node;
  };

  /** An operand followed by any number of `.name`, `[expr]` and call suffixes. */
  private value(): ElNode | null {
    let node = this.nonLiteral() ?? this.literal();
    if (node === null) return null;
    for (;;) {
      let target: DotNode | BracketNode;
      if (this.kind() === 'dot') {
        this.consume();
        const name = this.expect('identifier').image ?? '';
        target = { kind: 'dot', base: node, name };
      } else if (this.kind() === 'lbrack') {
        this.consume();
        const property = this.expr(true);
        this.expect('rbrack');
        target = { kind: 'bracket', base: node, property };
      } else {
        return node;
      }
      node = this.kind() === 'lparen' ? { kind: 'method', target, args: this.params() } : target;
    }
  }

  private nonLiteral(): ElNode | null {
    if (this.kind() === 'lparen') {
      this.consume();
      const expr = this.expr(true);
      this.expect('rparen');
      return { kind: 'nested', expr };
    }
    if (this.kind() !== 'identifier') return null;
    let name = this.consume().image ?? '';
    if (this.kind() === 'colon' && this.peek(0).kind === 'identifier' && this.peek(1).kind === 'lparen') {
      this.consume();
      name += `:${this.consume().image ?? ''}`;
    }
    if (this.kind() === 'lparen') return { kind: 'function', name, args: this.params() };
    return { kind: 'identifier', name };
  }

  private params(): ElNode[] {
    this.expect('lparen');
    const args: ElNode[] = [];
    const first = this.expr(false);
    if (first !== null) {
      args.push(first);
      while (this.kind() === 'comma') {
        this.consume();
        args.push(this.expr(true));
      }
    }
    this.expect('rparen');
    return args;
  }

  private literal(): ElNode | null {
    const { kind, image } = this.token;
    const text = image ?? '';
    let node: ElNode;
    if (kind === 'true' || kind === 'false') {
      node = { kind: 'literal', value: kind === 'true', display: kind };
    } else if (kind === 'null') {
      node = { kind: 'literal', value: null, display: 'null' };
    } else if (kind === 'string') {
      node = { kind: 'literal', value: text, display: `"${text}"` };
    } else if (kind === 'integer') {
      const big = BigInt(text);
      if (big > LONG_MAX) this.fail(SYMBOL_NAMES.integer);
      node = { kind: 'literal', value: Number(big), display: big.toString() };
    } else if (kind === 'float') {
      const value = Number(text);
      node = { kind: 'literal', value, display: formatDouble(value) };
    } else {
      return null;
    }
    this.consume();
    return node;
  }

  private required(node: ElNode | null): ElNode {
    if (node === null) this.fail(EXPR_FIRST);
    return node;
  }

  /** The current token's kind (a method, so that narrowing does not survive consume()). */
  private kind(): TokenKind {
    return this.token.kind;
  }

  private peek(index: number): Token {
    while (this.lookahead.length <= index) this.lookahead.push(this.lexer.next());
    return this.lookahead[index] as Token;
  }

  private consume(): Token {
    const previous = this.token;
    this.token = this.lookahead.shift() ?? this.lexer.next();
    return previous;
  }

  private expect(kind: TokenKind): Token {
    if (this.kind() !== kind) this.fail(SYMBOL_NAMES[kind]);
    return this.consume();
  }

  private fail(expected: string): never {
    const { position, image } = this.token;
    throw new ElSyntaxError(
      `syntax error at position ${formatPosition(position)}, encountered '${image ?? 'null'}', expected ${expected}`,
    );
  }
}
