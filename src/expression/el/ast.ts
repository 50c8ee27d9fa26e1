/**
 * Syntax tree of the JUEL subset. Node kinds follow JUEL's tree (text, composite, eval, literals,
 * identifier, function, nested, dot, bracket, method, unary, binary, choice) so that evaluation
 * order and error messages line up with Camunda 7.
 */

/** Binary operators (EL 2.2 §1.7–1.9): arithmetic, relational, equality and logical. */
export type BinaryOperator =
  | 'add' | 'sub' | 'mul' | 'div' | 'mod'
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'
  | 'and' | 'or';

/** Unary operators: `!`/`not`, unary `-` and `empty` (EL 2.2 §1.8.1, §1.9.2, §1.10). */
export type UnaryOperator = 'not' | 'neg' | 'empty';

/** Literal text outside `${…}`, escapes already removed. */
export interface TextNode { readonly kind: 'text'; readonly value: string }
/** Text and evaluations side by side; evaluates to their string concatenation. */
export interface CompositeNode { readonly kind: 'composite'; readonly parts: readonly ElNode[] }
/** One `${…}` (dynamic) or `#{…}` (deferred) block. */
export interface EvalNode { readonly kind: 'eval'; readonly deferred: boolean; readonly expr: ElNode }
/** `true`, `false`, `null`, a string, or a number (integers as Long, others as Double). */
export interface LiteralNode {
  readonly kind: 'literal';
  readonly value: string | number | boolean | null;
  /** The literal as JUEL prints it in messages, e.g. `"abc"` or `12`. */
  readonly display: string;
}
/** A top-level name resolved through ElContext.resolve. */
export interface IdentifierNode { readonly kind: 'identifier'; readonly name: string }
/** `name(args)` or `prefix:name(args)`, resolved through ElContext.resolveFunction. */
export interface FunctionNode { readonly kind: 'function'; readonly name: string; readonly args: readonly ElNode[] }
/** A parenthesised expression (kept so messages can print JUEL's `(...)`). */
export interface NestedNode { readonly kind: 'nested'; readonly expr: ElNode }
/** `base.name` property access. */
export interface DotNode { readonly kind: 'dot'; readonly base: ElNode; readonly name: string }
/** `base[property]` property or index access. */
export interface BracketNode { readonly kind: 'bracket'; readonly base: ElNode; readonly property: ElNode }
/** `base.name(args)` or `base[expr](args)` method invocation (EL 2.2 §1.6 method calls). */
export interface MethodNode {
  readonly kind: 'method';
  readonly target: DotNode | BracketNode;
  readonly args: readonly ElNode[];
}
/** Unary operation. */
export interface UnaryNode { readonly kind: 'unary'; readonly op: UnaryOperator; readonly operand: ElNode }
/** Binary operation; `and`/`or` short-circuit. */
export interface BinaryNode {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: ElNode;
  readonly right: ElNode;
}
/** Conditional `test ? yes : no` (EL 2.2 §1.11). */
export interface ChoiceNode { readonly kind: 'choice'; readonly test: ElNode; readonly yes: ElNode; readonly no: ElNode }

/** Any node of the tree. */
export type ElNode =
  | TextNode | CompositeNode | EvalNode | LiteralNode | IdentifierNode | FunctionNode | NestedNode
  | DotNode | BracketNode | MethodNode | UnaryNode | BinaryNode | ChoiceNode;

const BINARY_SYMBOLS: Readonly<Record<BinaryOperator, string>> = {
  add: '+', sub: '-', mul: '*', div: '/', mod: '%', eq: '==', ne: '!=',
  lt: '<', le: '<=', gt: '>', ge: '>=', and: '&&', or: '||',
};

const UNARY_SYMBOLS: Readonly<Record<UnaryOperator, string>> = { not: '!', neg: '-', empty: 'empty' };

/**
 * The short description JUEL prints for a node in "Target unreachable, base expression '…'
 * resolved to null": the name for identifiers, `. name` for dots, `[...]` for brackets, etc.
 */
export function describeNode(node: ElNode): string {
  switch (node.kind) {
    case 'identifier':
    case 'function':
      return node.name;
    case 'dot':
      return `. ${node.name}`;
    case 'bracket':
      return '[...]';
    case 'method':
      return '<method>';
    case 'nested':
      return '(...)';
    case 'literal':
      return node.display;
    case 'unary':
      return `'${UNARY_SYMBOLS[node.op]}'`;
    case 'binary':
      return `'${BINARY_SYMBOLS[node.op]}'`;
    case 'choice':
      return '?';
    case 'eval':
      return node.deferred ? '#{...}' : '${...}';
    case 'composite':
      return 'composite';
    case 'text':
      return `"${node.value}"`;
  }
}
