/**
 * The code that runs *inside* the isolate, as the body of one `Context.evalClosure` call per run.
 * Arguments: `$0` script source, `$1` bindings (`[name, WireNode][]`, see HostBoundary.ts),
 * `$2` the synchronous host callback `(id, op, args) => HostReply`, `$3` the file name shown in
 * stack traces. It returns a `SandboxOutcome` and never throws (only termination escapes).
 *
 * Why a closure and not a compiled `Script`: with isolated-vm 5 a context in which a top-level
 * `Script` created a function is never collected (about 150 kB lost per run, so a 32 MB isolate
 * dies after ~200 runs), whereas functions created under `evalClosure` are collected. The user
 * script therefore runs through an indirect `eval`: global, sloppy code whose completion value is
 * the result, as with Nashorn's `ScriptEngine.eval`.
 *
 * Kept as plain JavaScript in a string so no compiler or test transform can inject helpers.
 */
export const SANDBOX_RUNNER_SOURCE = String.raw`'use strict';
const source = $0, bindings = $1, hostCall = $2, fileName = $3;
const G = globalThis;
const { defineProperty, keys, create } = Object;
const isArray = Array.isArray, isView = ArrayBuffer.isView;
const NativeMap = Map, NativeSet = Set, NativeWeakMap = WeakMap, NativeError = Error;
const NativeDate = Date, NativeRegExp = RegExp, NativeArrayBuffer = ArrayBuffer;
const indirectEval = G.eval;
const errorTypes = create(null);
for (const E of [Error, TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError]) errorTypes[E.name] = E;
const hostErrors = new NativeWeakMap();
const proxies = new NativeMap();

class BpmnError extends NativeError {
  constructor(errorCode, message) {
    if (errorCode === undefined || errorCode === null || String(errorCode) === '') {
      throw new TypeError('BpmnError requires a non-empty error code');
    }
    const text = message === undefined || message === null ? null : String(message);
    super(text === null ? String(errorCode) : text);
    defineProperty(this, 'name', { value: 'BpmnError', writable: true, configurable: true });
    this.errorCode = String(errorCode);
    this.errorMessage = text;
  }
  getErrorCode() { return this.errorCode; }
  getMessage() { return this.errorMessage; }
}
const javaClasses = new NativeMap([['org.camunda.bpm.engine.delegate.BpmnError', BpmnError]]);
const Java = {
  type(name) {
    const found = javaClasses.get(String(name));
    if (found === undefined) throw new TypeError('Java class ' + name + ' is not available in the script sandbox');
    return found;
  },
};

function hide(target, key, value) {
  defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
}
function put(target, key, value) {
  defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true });
}
function isLeaf(value) {
  return value instanceof NativeDate || value instanceof NativeRegExp || value instanceof NativeArrayBuffer || isView(value);
}
function sanitize(value, seen) {
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object' || isLeaf(value)) return value;
  if (seen.has(value)) return seen.get(value);
  if (isArray(value)) {
    const out = [];
    seen.set(value, out);
    for (let i = 0; i < value.length; i++) out.push(sanitize(value[i], seen));
    return out;
  }
  if (value instanceof NativeMap) {
    const out = new NativeMap();
    seen.set(value, out);
    for (const [k, v] of value) out.set(sanitize(k, seen), sanitize(v, seen));
    return out;
  }
  if (value instanceof NativeSet) {
    const out = new NativeSet();
    seen.set(value, out);
    for (const v of value) out.add(sanitize(v, seen));
    return out;
  }
  const out = {};
  seen.set(value, out);
  for (const key of keys(value)) {
    const v = value[key];
    if (typeof v !== 'function' && typeof v !== 'symbol') put(out, key, sanitize(v, seen));
  }
  return out;
}

function makeError(name, message) {
  const Ctor = errorTypes[name];
  const error = typeof Ctor === 'function' ? new Ctor(message) : new NativeError(message);
  if (error.name !== name) defineProperty(error, 'name', { value: name, writable: true, configurable: true });
  return error;
}
function callHost(id, op, args) {
  const reply = hostCall(id, op, args);
  if (reply.ok) return materialize(reply.v);
  const error = reply.code !== undefined ? new BpmnError(reply.code, reply.message) : makeError(reply.name, reply.message);
  hostErrors.set(error, reply.ref);
  throw error;
}
function hostFunction(id) {
  return (...args) => callHost(id, 0, sanitize(args, new NativeMap()));
}
function accessor(node) {
  const descriptor = { enumerable: true, configurable: true, get: () => callHost(node.id, 1, []) };
  if (node.w) descriptor.set = (value) => { callHost(node.id, 2, sanitize([value], new NativeMap())); };
  return descriptor;
}
// Nashorn lets scripts use bean properties and getters interchangeably (task.name / task.getName()).
function addBeanAliases(target, members) {
  for (const [key, node] of members) {
    if (node.t === 'f') {
      const prop = /^get[A-Z]/.test(key) ? key.charAt(3).toLowerCase() + key.slice(4) : '';
      if (prop !== '' && !(prop in target)) defineProperty(target, prop, { get: () => target[key](), configurable: true });
    } else {
      const getter = 'get' + key.charAt(0).toUpperCase() + key.slice(1);
      if (!(getter in target)) hide(target, getter, () => target[key]);
    }
  }
  for (const [alias, prop] of [['getCurrentActivityId', 'activityId'], ['getProcessBusinessKey', 'businessKey']]) {
    if (prop in target && !(alias in target)) hide(target, alias, () => target[prop]);
  }
}
function hostObject(node) {
  const target = node.arr ? [] : {};
  proxies.set(node.id, target);
  for (const [key, child] of node.p) {
    if (child.t === 'a') defineProperty(target, key, accessor(child));
    else put(target, key, materialize(child));
  }
  if (!node.arr) addBeanAliases(target, node.p);
  return target;
}
function materialize(node) {
  switch (node.t) {
    case 'v': return node.v;
    case 'r': return proxies.get(node.id);
    case 'f': return hostFunction(node.id);
    case 'o': return hostObject(node);
    default: return undefined;
  }
}

function install(name, value) {
  try { hide(G, name, value); } catch (ignored) { /* non-configurable global such as undefined */ }
}
function describe(error) {
  try {
    if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
      if (hostErrors.has(error)) return { ok: false, k: 'host', ref: hostErrors.get(error) };
      if (error instanceof BpmnError) {
        const message = error.errorMessage === null || error.errorMessage === undefined ? null : String(error.errorMessage);
        return { ok: false, k: 'bpmn', code: String(error.errorCode), message };
      }
      return { ok: false, k: 'js', name: String(error.name), message: String(error.message), stack: String(error.stack) };
    }
    return { ok: false, k: 'js', name: '', message: String(error), stack: '' };
  } catch (inner) {
    return { ok: false, k: 'js', name: 'Error', message: 'a thrown value could not be described', stack: '' };
  }
}

try {
  try { delete G.WebAssembly; } catch (ignored) { /* keep going without it */ }
  install('BpmnError', BpmnError);
  install('org', { camunda: { bpm: { engine: { delegate: { BpmnError } } } } });
  install('Java', Java);
  install('print', () => undefined);
  for (const [name, node] of bindings) install(name, materialize(node));
  const value = indirectEval(source + '\n//# sourceURL=' + fileName);
  return { ok: true, v: sanitize(value, new NativeMap()) };
} catch (error) {
  return describe(error);
}
`;
