/**
 * Method calls (EL 2.2 §1.6 with JUEL's method-invocation feature), restricted to what Camunda
 * users need and nothing that reaches arbitrary JavaScript: the `elMethods` of an ElBean, and a
 * fixed list of Java methods on strings, lists (arrays) and maps (plain objects and Maps).
 * Anything else fails like JUEL's BeanELResolver: "Cannot find method x with N parameters in class …".
 */
import type { ElBean } from '../ExpressionManager.js';
import { toInteger, toText } from './coercion.js';
import { invocationFault, javaException, methodFault } from './faults.js';
import { javaClassName } from './javaText.js';
import { javaEquals } from './operators.js';
import { isElBean, kindOf, mapSize, normalize, ownDataValue } from './values.js';

interface JavaMethod<T> {
  readonly arities: readonly number[];
  readonly invoke: (self: T, args: readonly unknown[]) => unknown;
}

function method<T>(arities: readonly number[], invoke: (self: T, args: readonly unknown[]) => unknown): JavaMethod<T> {
  return { arities, invoke };
}

/** Java `String.trim`: strips every character up to U+0020 at both ends. */
function javaTrim(s: string): string {
  return s.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
}

/** Java `String.equalsIgnoreCase`: equal length and each char equal ignoring case. */
function equalsIgnoreCase(s: string, other: unknown): boolean {
  if (other === null) return false;
  const t = toText(other);
  if (s.length !== t.length) return false;
  for (let i = 0; i < s.length; i++) {
    const a = s.charAt(i);
    const b = t.charAt(i);
    if (a !== b && a.toUpperCase() !== b.toUpperCase() && a.toLowerCase() !== b.toLowerCase()) return false;
  }
  return true;
}

function substring(s: string, args: readonly unknown[]): string {
  const begin = toInteger(args[0]);
  const end = args.length > 1 ? toInteger(args[1]) : s.length;
  if (begin < 0 || end > s.length || begin > end) {
    throw javaException('java.lang.StringIndexOutOfBoundsException', `begin ${begin}, end ${end}, length ${s.length}`);
  }
  return s.substring(begin, end);
}

/** Java `String.matches`: the whole string must match the pattern. */
function matches(s: string, pattern: string): boolean {
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    throw javaException('java.util.regex.PatternSyntaxException', error instanceof Error ? error.message : String(error));
  }
  return regex.test(s);
}

const STRING_METHODS: ReadonlyMap<string, JavaMethod<string>> = new Map([
  ['length', method<string>([0], (s) => s.length)],
  ['isEmpty', method<string>([0], (s) => s.length === 0)],
  ['toUpperCase', method<string>([0], (s) => s.toUpperCase())],
  ['toLowerCase', method<string>([0], (s) => s.toLowerCase())],
  ['trim', method<string>([0], javaTrim)],
  ['contains', method<string>([1], (s, [x]) => s.includes(toText(x)))],
  ['startsWith', method<string>([1], (s, [x]) => s.startsWith(toText(x)))],
  ['endsWith', method<string>([1], (s, [x]) => s.endsWith(toText(x)))],
  ['equals', method<string>([1], (s, [x]) => typeof x === 'string' && s === x)],
  ['equalsIgnoreCase', method<string>([1], (s, [x]) => equalsIgnoreCase(s, x))],
  ['substring', method<string>([1, 2], substring)],
  ['indexOf', method<string>([1, 2], (s, [x, from]) => s.indexOf(toText(x), from === undefined ? 0 : toInteger(from)))],
  ['replace', method<string>([2], (s, [x, y]) => s.replaceAll(toText(x), () => toText(y)))],
  ['matches', method<string>([1], (s, [x]) => matches(s, toText(x)))],
  ['concat', method<string>([1], (s, [x]) => s + toText(x))],
  ['lastIndexOf', method<string>([1], (s, [x]) => s.lastIndexOf(toText(x)))],
  ['charAt', method<string>([1], (s, [x]) => s.charAt(toInteger(x)))],
  ['split', method<string>([1], (s, [x]) => s.split(new RegExp(toText(x))))],
  ['toString', method<string>([0], (s) => s)],
]);

function listGet(list: readonly unknown[], index: unknown): unknown {
  const i = toInteger(index);
  if (i < 0 || i >= list.length) {
    throw javaException('java.lang.IndexOutOfBoundsException', `Index ${i} out of bounds for length ${list.length}`);
  }
  return normalize(list[i]);
}

const LIST_METHODS: ReadonlyMap<string, JavaMethod<readonly unknown[]>> = new Map([
  ['size', method<readonly unknown[]>([0], (list) => list.length)],
  ['isEmpty', method<readonly unknown[]>([0], (list) => list.length === 0)],
  ['contains', method<readonly unknown[]>([1], (list, [x]) => list.some((item) => javaEquals(normalize(item), x)))],
  ['get', method<readonly unknown[]>([1], (list, [i]) => listGet(list, i))],
]);

/** Reads a map entry by key: a Map by the key itself, a plain object by the key's text (own keys only). */
export function mapEntry(map: object, key: unknown): { found: boolean; value: unknown } {
  if (map instanceof Map) return { found: map.has(key), value: normalize(map.get(key)) };
  const name = toText(key);
  return { found: Object.hasOwn(map, name), value: normalize(ownDataValue(map, name)) };
}

const MAP_METHODS: ReadonlyMap<string, JavaMethod<object>> = new Map([
  ['size', method<object>([0], (map) => mapSize(map))],
  ['isEmpty', method<object>([0], (map) => mapSize(map) === 0)],
  ['containsKey', method<object>([1], (map, [k]) => mapEntry(map, k).found)],
  ['get', method<object>([1], (map, [k]) => mapEntry(map, k).value)],
]);

function notFound(base: unknown, name: string, args: readonly unknown[]): Error {
  return methodFault(`Cannot find method ${name} with ${args.length} parameters in ${javaClassName(base)}`);
}

function invokeBean(bean: ElBean, name: string, args: readonly unknown[]): unknown {
  const methods = bean.elMethods;
  const member = Object.hasOwn(methods, name) ? ownDataValue(methods, name) : undefined;
  if (typeof member !== 'function') throw notFound(bean, name, args);
  try {
    return normalize(Reflect.apply(member, methods, args));
  } catch (error) {
    throw invocationFault(error);
  }
}

function invokeJava<T>(table: ReadonlyMap<string, JavaMethod<T>>, self: T, name: string, args: readonly unknown[]): unknown {
  const found = table.get(name);
  if (found === undefined || !found.arities.includes(args.length)) throw notFound(self, name, args);
  return found.invoke(self, args);
}

/** Calls `name(args)` on a non-null base under the allow-list rules above. */
export function invokeMethod(base: unknown, name: string, args: readonly unknown[]): unknown {
  if (isElBean(base)) return invokeBean(base, name, args);
  if (typeof base === 'string') return invokeJava(STRING_METHODS, base, name, args);
  if (Array.isArray(base)) return invokeJava<readonly unknown[]>(LIST_METHODS, base, name, args);
  if (typeof base === 'object' && base !== null && kindOf(base) === 'map') return invokeJava(MAP_METHODS, base, name, args);
  throw notFound(base, name, args);
}
