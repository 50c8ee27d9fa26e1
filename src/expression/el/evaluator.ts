/**
 * Tree-walking evaluator for the JUEL subset. It follows JUEL's evaluation order and resolution
 * rules as Camunda 7 configures them: identifiers through the context (variables, then beans),
 * properties null-safely (a property of null is null), lists by index (out of range is null), maps
 * by key (missing is null), beans through `elProperty`, and method calls only as methods.ts allows.
 */
import type { ElContext, Resolution } from '../ExpressionManager.js';
import type { BinaryNode, BracketNode, DotNode, ElNode, FunctionNode, MethodNode, UnaryNode } from './ast.js';
import { describeNode } from './ast.js';
import { toBoolean, toText } from './coercion.js';
import { evaluationFault, invocationFault, propertyFault } from './faults.js';
import { javaClassName, javaString } from './javaText.js';
import { invokeMethod, mapEntry } from './methods.js';
import { arithmetic, compare, divide, equals, isEmpty, modulo, negate } from './operators.js';
import { isElBean, kindOf, normalize } from './values.js';

/**
 * Evaluates a parsed tree. A lone `${…}` yields its raw value (undefined reads as null); a
 * composite yields the concatenation of its parts coerced to String. Failures are thrown as
 * ElFault (or pass-through EngineError/BpmnError); the caller adds the expression text.
 */
export function evaluateNode(node: ElNode, context: ElContext): unknown {
  switch (node.kind) {
    case 'text': return node.value;
    case 'literal': return node.value;
    case 'composite': return node.parts.map((part) => toText(evaluateNode(part, context))).join('');
    case 'eval':
    case 'nested': return evaluateNode(node.expr, context);
    case 'identifier': return resolveIdentifier(node.name, context);
    case 'function': return callFunction(node, context);
    case 'dot':
    case 'bracket': return readProperty(node, context);
    case 'method': return callMethod(node, context);
    case 'unary': return evaluateUnary(node, context);
    case 'binary': return evaluateBinary(node, context);
    case 'choice':
      return toBoolean(evaluateNode(node.test, context))
        ? evaluateNode(node.yes, context)
        : evaluateNode(node.no, context);
  }
}

/** Top-level names: unknown ones fail with JUEL's "Cannot resolve identifier 'x'". */
function resolveIdentifier(name: string, context: ElContext): unknown {
  let resolution: Resolution;
  try {
    resolution = context.resolve(name);
  } catch (error) {
    throw invocationFault(error);
  }
  if (!resolution.found) throw propertyFault(`Cannot resolve identifier '${name}'`);
  return normalize(resolution.value);
}

function evaluateArgs(args: readonly ElNode[], context: ElContext): unknown[] {
  return args.map((arg) => evaluateNode(arg, context));
}

/** `f(args)` through ElContext.resolveFunction (e.g. Camunda's `currentUser()`, `now()`). */
function callFunction(node: FunctionNode, context: ElContext): unknown {
  const fn = context.resolveFunction?.(node.name);
  if (fn === undefined) throw evaluationFault(`Could not resolve function '${node.name}'`);
  const args = evaluateArgs(node.args, context);
  try {
    return normalize(fn(...args));
  } catch (error) {
    throw invocationFault(error);
  }
}

/** `base.name` / `base[expr]`: null base or null key gives null (JUEL's strict property rule). */
function readProperty(node: DotNode | BracketNode, context: ElContext): unknown {
  const base = evaluateNode(node.base, context);
  if (base === null) return null;
  const property = node.kind === 'dot' ? node.name : evaluateNode(node.property, context);
  if (property === null) return null;
  return propertyOf(base, property);
}

/** Java's ListELResolver index coercion; out-of-range indexes are handled by the caller. */
function listIndex(property: unknown): number {
  if (typeof property === 'number') return Math.trunc(property) | 0;
  if (typeof property === 'boolean') return property ? 1 : 0;
  if (typeof property === 'string') {
    const index = /^[+-]?\d+$/.test(property) ? Number(property) : Number.NaN;
    if (!(index >= -(2 ** 31) && index < 2 ** 31)) throw evaluationFault(`Cannot parse list index: ${property}`);
    return index;
  }
  throw evaluationFault(`Cannot coerce property to list index: ${javaString(property)}`);
}

/** One property step on a non-null base, dispatched by the Java type the base plays. */
export function propertyOf(base: unknown, property: unknown): unknown {
  if (Array.isArray(base)) {
    const index = listIndex(property);
    return index >= 0 && index < base.length ? normalize(base[index]) : null;
  }
  if (isElBean(base)) {
    const name = toText(property);
    let resolution: Resolution | undefined;
    try {
      resolution = base.elProperty?.(name);
    } catch (error) {
      throw invocationFault(error);
    }
    if (resolution?.found === true) return normalize(resolution.value);
    throw propertyFault(`Could not find property ${name} in ${javaClassName(base)}`);
  }
  if (kindOf(base) === 'map') return mapEntry(base as object, property).value;
  if (base instanceof Date && property === 'time') return base.getTime();
  throw propertyFault(`Could not find property ${toText(property)} in ${javaClassName(base)}`);
}

/** `base.name(args)`: a null base fails as JUEL's "Target unreachable, base expression '…' resolved to null". */
function callMethod(node: MethodNode, context: ElContext): unknown {
  const { target } = node;
  const base = evaluateNode(target.base, context);
  if (base === null) {
    throw propertyFault(`Target unreachable, base expression '${describeNode(target.base)}' resolved to null`);
  }
  const name = target.kind === 'dot' ? target.name : evaluateNode(target.property, context);
  if (name === null) throw propertyFault(`Cannot find method 'null' in '${javaString(base)}'`);
  return invokeMethod(base, toText(name), evaluateArgs(node.args, context));
}

function evaluateUnary(node: UnaryNode, context: ElContext): unknown {
  const value = evaluateNode(node.operand, context);
  switch (node.op) {
    case 'not': return !toBoolean(value);
    case 'neg': return negate(value);
    case 'empty': return isEmpty(value);
  }
}

function evaluateBinary(node: BinaryNode, context: ElContext): unknown {
  const { op } = node;
  if (op === 'and') {
    return toBoolean(evaluateNode(node.left, context)) && toBoolean(evaluateNode(node.right, context));
  }
  if (op === 'or') {
    return toBoolean(evaluateNode(node.left, context)) || toBoolean(evaluateNode(node.right, context));
  }
  const left = evaluateNode(node.left, context);
  const right = evaluateNode(node.right, context);
  switch (op) {
    case 'add':
    case 'sub':
    case 'mul': return arithmetic(op, left, right);
    case 'div': return divide(left, right);
    case 'mod': return modulo(left, right);
    case 'eq': return equals(left, right);
    case 'ne': return !equals(left, right);
    default: return compare(op, left, right);
  }
}
