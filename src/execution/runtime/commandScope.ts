import type { CommandContext } from '../../command/CommandContext.js';
import { HistoryEventProducer } from '../../history/HistoryEventProducer.js';
import { OperationQueue } from './OperationQueue.js';

interface Scope {
  history: HistoryEventProducer;
  operations: OperationQueue;
  values: Map<string, unknown>;
}

const scopes = new WeakMap<CommandContext, Scope>();

/** Per-command state of the execution layer, created on first use and dropped with the context. */
function scopeOf(ctx: CommandContext): Scope {
  let scope = scopes.get(ctx);
  if (!scope) {
    scope = { history: new HistoryEventProducer(ctx), operations: new OperationQueue(), values: new Map() };
    scopes.set(ctx, scope);
  }
  return scope;
}

export function historyOf(ctx: CommandContext): HistoryEventProducer {
  return scopeOf(ctx).history;
}

export function operationsOf(ctx: CommandContext): OperationQueue {
  return scopeOf(ctx).operations;
}

/**
 * Camunda's skipCustomListeners for the rest of this command: execution and task listeners of
 * the model do not fire (used by start and delete with that flag).
 */
export function skipCustomListeners(ctx: CommandContext): void {
  scopeOf(ctx).values.set('skipCustomListeners', true);
}

export function customListenersSkipped(ctx: CommandContext): boolean {
  return scopeOf(ctx).values.get('skipCustomListeners') === true;
}

/** A value memoised for the lifetime of one command (e.g. a loaded process instance). */
export function commandLocal<T>(ctx: CommandContext, key: string, create: () => T): T {
  const values = scopeOf(ctx).values;
  if (!values.has(key)) values.set(key, create());
  return values.get(key) as T;
}
