import { BpmnError } from '../../errors/EngineError.js';

/**
 * Host side of the script sandbox boundary. Values go in as a `WireNode` tree that is copied in
 * one piece: plain data (primitives, Date, bytes, plain objects and arrays without functions) is
 * copied as is; an object that carries functions at any depth becomes an `o` node whose methods
 * and accessors are numbered host members, called back synchronously through `invoke`.
 * In such objects, members whose names start with `_` are not exposed (keep internals there).
 */
export type WireNode =
  | { readonly t: 'v'; readonly v: unknown }
  | { readonly t: 'o'; readonly id: number; readonly arr: boolean; readonly p: Array<[string, WireNode]> }
  | { readonly t: 'r'; readonly id: number }
  | { readonly t: 'f'; readonly id: number }
  | { readonly t: 'a'; readonly id: number; readonly w: boolean };

/** Answer of a host callback: the encoded result, or the host error (kept host-side by `ref`). */
export type HostReply =
  | { readonly ok: true; readonly v: WireNode }
  | { readonly ok: false; readonly ref: number; readonly name: string; readonly message: string; readonly code?: string };

/** Operation codes the sandbox passes to the host callback. */
export const HOST_OP = { call: 0, get: 1, set: 2 } as const;

type HostFunction = (...args: unknown[]) => unknown;

interface HostMember {
  readonly target: object | undefined;
  readonly key: string;
  readonly fn: HostFunction | undefined;
}

/** Prototypes whose members are the platform's, not a bean's. */
const BUILTIN_PROTOTYPES: ReadonlySet<unknown> = new Set<unknown>([
  Object.prototype,
  Array.prototype,
  Function.prototype,
  Error.prototype,
  Promise.prototype,
  null,
]);

function isLeafData(value: object): boolean {
  return (
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    value instanceof Map ||
    value instanceof Set
  );
}

function isThenable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'then') === 'function';
}

/** Own enumerable members plus members of user-defined prototypes (class methods, accessors). */
function exposedMembers(value: object): Array<[string, PropertyDescriptor]> {
  const members = new Map<string, PropertyDescriptor>();
  let owner: object | null = value;
  for (let own = true; !BUILTIN_PROTOTYPES.has(owner) && owner !== null; own = false) {
    for (const key of own ? Object.keys(owner) : Object.getOwnPropertyNames(owner)) {
      if (key === 'constructor' || key.startsWith('_') || members.has(key)) continue;
      const descriptor = Object.getOwnPropertyDescriptor(owner, key);
      if (descriptor !== undefined) members.set(key, descriptor);
    }
    owner = Object.getPrototypeOf(owner) as object | null;
  }
  return [...members];
}

function hasPrototypeMembers(value: object): boolean {
  for (let proto = Object.getPrototypeOf(value) as object | null; !BUILTIN_PROTOTYPES.has(proto) && proto !== null; ) {
    if (Object.getOwnPropertyNames(proto).some((key) => key !== 'constructor')) return true;
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return false;
}

/** Whether a value must be exposed through callbacks rather than copied. */
function carriesHost(value: unknown, visiting: Set<object>): boolean {
  if (typeof value === 'function') return true;
  if (typeof value !== 'object' || value === null || isLeafData(value) || visiting.has(value)) return false;
  if (hasPrototypeMembers(value)) return true;
  visiting.add(value);
  try {
    return Object.keys(value).some((key) => {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor === undefined) return false;
      return descriptor.get !== undefined || descriptor.set !== undefined || carriesHost(descriptor.value, visiting);
    });
  } finally {
    visiting.delete(value);
  }
}

/**
 * Values copied out of the sandbox are fresh objects; replace their Uint8Arrays by Buffers in
 * place (Camunda's bytes variables are Buffers on our side).
 */
export function toHostValue(value: unknown, seen: Set<object> = new Set()): unknown {
  if (value instanceof Uint8Array) {
    return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  seen.add(value);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = toHostValue(record[key], seen);
  return value;
}

/** One run's table of host members and host errors; `invoke` is the sandbox's only way out. */
export class HostBoundary {
  private readonly members: HostMember[] = [];
  private readonly objectIds = new Map<object, number>();
  private readonly errors: unknown[] = [];
  private timedOut = false;

  /**
   * @param deadline `performance.now()` after which every callback is refused: isolated-vm's
   *   time limit overshoots badly (20x measured) while a script keeps calling into the host.
   */
  constructor(
    private readonly maxObjects: number,
    private readonly deadline: number = Number.POSITIVE_INFINITY,
  ) {}

  /** Whether a callback was refused because the run's time was up. */
  get expired(): boolean {
    return this.timedOut;
  }

  /** Encodes a value for the sandbox; repeated objects become references, so identity holds. */
  encode(value: unknown): WireNode {
    if (typeof value === 'function') {
      const fn = value as HostFunction;
      return { t: 'f', id: this.register(undefined, fn.name, fn) };
    }
    if (!carriesHost(value, new Set())) return { t: 'v', v: value };
    const object = value as object;
    const known = this.objectIds.get(object);
    if (known !== undefined) return { t: 'r', id: known };
    const id = this.objectIds.size;
    if (id >= this.maxObjects) {
      throw new Error(`More than ${this.maxObjects} host objects were exposed to one script run`);
    }
    this.objectIds.set(object, id);
    const p: Array<[string, WireNode]> = exposedMembers(object).map(([key, descriptor]) => [
      key,
      this.encodeMember(object, key, descriptor),
    ]);
    return { t: 'o', id, arr: Array.isArray(object), p };
  }

  /** The host error a sandbox error envelope refers to, if any. */
  error(ref: number): unknown {
    return this.errors[ref];
  }

  /** Host callback: runs member `id` (call, get or set) and never throws. */
  invoke(id: unknown, op: unknown, args: unknown): HostReply {
    try {
      if (this.timedOut || performance.now() > this.deadline) {
        this.timedOut = true;
        throw new Error('Script execution timed out');
      }
      const member = typeof id === 'number' ? this.members[id] : undefined;
      if (member === undefined) throw new Error(`Unknown host member ${String(id)}`);
      const values = Array.isArray(args) ? args.map((arg) => toHostValue(arg)) : [];
      return { ok: true, v: this.encode(this.apply(member, op, values)) };
    } catch (error) {
      return this.reject(error);
    }
  }

  private apply(member: HostMember, op: unknown, values: unknown[]): unknown {
    if (op === HOST_OP.get && member.target !== undefined) return Reflect.get(member.target, member.key);
    if (op === HOST_OP.set && member.target !== undefined) {
      Reflect.set(member.target, member.key, values[0]);
      return undefined;
    }
    if (op !== HOST_OP.call || member.fn === undefined) throw new Error(`Invalid host operation ${String(op)}`);
    const result = Reflect.apply(member.fn, member.target, values);
    if (isThenable(result)) {
      throw new Error(`Host function '${member.key}' returned a Promise; scripts can only call synchronous functions`);
    }
    return result;
  }

  private encodeMember(owner: object, key: string, descriptor: PropertyDescriptor): WireNode {
    if (descriptor.get !== undefined || descriptor.set !== undefined) {
      return { t: 'a', id: this.register(owner, key, undefined), w: descriptor.set !== undefined };
    }
    const member: unknown = descriptor.value;
    if (typeof member === 'function') return { t: 'f', id: this.register(owner, key, member as HostFunction) };
    return this.encode(member);
  }

  private register(target: object | undefined, key: string, fn: HostFunction | undefined): number {
    this.members.push({ target, key, fn });
    return this.members.length - 1;
  }

  private reject(error: unknown): HostReply {
    this.errors.push(error);
    const ref = this.errors.length - 1;
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof BpmnError) return { ok: false, ref, name, message, code: error.errorCode };
    return { ok: false, ref, name, message };
  }
}
