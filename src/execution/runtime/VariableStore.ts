import type { CommandContext } from '../../command/CommandContext.js';
import type { ExecutionEntity, VariableEntity } from '../../persistence/ports/entities.js';
import type { TypedValue } from '../variables/TypedValue.js';
import { historyOf } from './commandScope.js';
import type { VariableCodec } from './VariableCodec.js';

/** Where a variable lives: an execution, or a task (whose parent scope is its execution). */
export interface VariableScopeRef {
  executionId: string;
  taskId?: string | undefined;
}

/** How the store sees the execution tree and the instance it belongs to. */
export interface VariableHost {
  readonly processInstanceId: string;
  readonly processDefinitionId: string;
  readonly processDefinitionKey: string;
  readonly tenantId: string | null;
  execution(id: string): ExecutionEntity | undefined;
}

function scopeKey(ref: VariableScopeRef): string {
  return ref.taskId ? `task:${ref.taskId}` : `execution:${ref.executionId}`;
}

function rowKey(row: VariableEntity): string {
  return row.taskId ? `task:${row.taskId}` : `execution:${row.executionId ?? ''}`;
}

/**
 * The variables of one process instance within a command, loaded once. Lookup walks from a scope
 * up to the process instance; `set` follows Camunda's rule: update the nearest scope that already
 * has the variable, otherwise create it on the process instance. Every change writes history.
 */
export class VariableStore {
  private readonly rows = new Map<string, Map<string, VariableEntity>>();
  private readonly transients = new Map<string, Map<string, TypedValue>>();
  private readonly updates = new Map<string, number>();
  private readonly dropped = new Map<string, Map<string, TypedValue>>();

  constructor(private readonly ctx: CommandContext, private readonly host: VariableHost,
    readonly codec: VariableCodec, rows: readonly VariableEntity[]) {
    for (const row of rows) this.scopeRows(rowKey(row)).set(row.name, row);
  }

  private scopeRows(key: string): Map<string, VariableEntity> {
    let map = this.rows.get(key);
    if (!map) this.rows.set(key, (map = new Map()));
    return map;
  }

  /** The chain of scopes from `ref` up to the process instance. */
  chain(ref: VariableScopeRef): VariableScopeRef[] {
    const result: VariableScopeRef[] = [];
    if (ref.taskId) result.push(ref);
    for (let exec = this.host.execution(ref.executionId); exec; exec = exec.parentId ? this.host.execution(exec.parentId) : undefined) {
      result.push({ executionId: exec.id });
    }
    return result;
  }

  getLocal(name: string, ref: VariableScopeRef): TypedValue | undefined {
    const key = scopeKey(ref);
    const transient = this.transients.get(key)?.get(name);
    if (transient) return transient;
    const row = this.rows.get(key)?.get(name);
    return row ? this.codec.decode(row) : undefined;
  }

  hasLocal(name: string, ref: VariableScopeRef): boolean {
    const key = scopeKey(ref);
    return Boolean(this.transients.get(key)?.has(name) || this.rows.get(key)?.has(name));
  }

  get(name: string, ref: VariableScopeRef): TypedValue | undefined {
    for (const scope of this.chain(ref)) {
      const value = this.getLocal(name, scope);
      if (value) return value;
    }
    return undefined;
  }

  /** Every variable visible from `ref`; inner scopes hide outer ones of the same name. */
  visible(ref: VariableScopeRef): Map<string, TypedValue> {
    const result = new Map<string, TypedValue>();
    for (const scope of this.chain(ref).reverse()) {
      for (const [name, value] of this.local(scope)) result.set(name, value);
    }
    return result;
  }

  local(ref: VariableScopeRef): Map<string, TypedValue> {
    const key = scopeKey(ref);
    const result = new Map<string, TypedValue>();
    const rows = [...(this.rows.get(key)?.values() ?? [])].sort((a, b) => a.createTime.getTime() - b.createTime.getTime());
    for (const row of rows) result.set(row.name, this.codec.decode(row));
    for (const [name, value] of this.transients.get(key) ?? []) result.set(name, value);
    return result;
  }

  /** The stored row of a local variable (for binary data and ids). */
  row(name: string, ref: VariableScopeRef): VariableEntity | undefined {
    return this.rows.get(scopeKey(ref))?.get(name);
  }

  set(name: string, value: TypedValue, ref: VariableScopeRef): void {
    const chain = this.chain(ref);
    const owner = chain.find((scope) => this.hasLocal(name, scope)) ?? chain[chain.length - 1] ?? ref;
    this.setLocal(name, value, owner);
  }

  setLocal(name: string, value: TypedValue, ref: VariableScopeRef): void {
    const key = scopeKey(ref);
    if (value.transient) {
      let map = this.transients.get(key);
      if (!map) this.transients.set(key, (map = new Map()));
      map.set(name, value);
      return;
    }
    this.transients.get(key)?.delete(name);
    const existing = this.rows.get(key)?.get(name);
    if (existing) this.update(existing, value);
    else this.create(name, value, ref);
  }

  private create(name: string, value: TypedValue, ref: VariableScopeRef): void {
    const execution = this.host.execution(ref.executionId);
    const row: VariableEntity = {
      id: this.ctx.ids.next(), rev: 1, name, ...this.codec.encode(value),
      executionId: ref.executionId, processInstanceId: this.host.processInstanceId,
      processDefinitionId: this.host.processDefinitionId, taskId: ref.taskId ?? null,
      activityInstanceId: this.activityInstanceOf(ref, execution), tenantId: this.host.tenantId,
      createTime: this.ctx.clock.now(),
    };
    this.scopeRows(scopeKey(ref)).set(name, row);
    this.ctx.uow.insert('variable', row);
    historyOf(this.ctx).variableCreated(row, this.host.processDefinitionKey, this.host.processInstanceId);
  }

  private activityInstanceOf(ref: VariableScopeRef, execution: ExecutionEntity | undefined): string | null {
    if (!execution) return null;
    if (execution.id === this.host.processInstanceId && !ref.taskId) return execution.id;
    return execution.activityInstanceId ?? this.host.processInstanceId;
  }

  private update(row: VariableEntity, value: TypedValue): void {
    Object.assign(row, this.codec.encode(value));
    const revision = (this.updates.get(row.id) ?? 0) + 1;
    this.updates.set(row.id, revision);
    const history = historyOf(this.ctx);
    history.defer(history.variableUpdated(row, this.host.processDefinitionKey, this.host.processInstanceId, revision));
  }

  /** Removes a variable from the nearest scope that has it. */
  remove(name: string, ref: VariableScopeRef): void {
    const owner = this.chain(ref).find((scope) => this.hasLocal(name, scope));
    if (owner) this.removeLocal(name, owner);
  }

  removeLocal(name: string, ref: VariableScopeRef): void {
    const key = scopeKey(ref);
    this.transients.get(key)?.delete(name);
    const row = this.rows.get(key)?.get(name);
    if (!row) return;
    this.rows.get(key)?.delete(name);
    this.ctx.uow.delete('variable', row);
    const history = historyOf(this.ctx);
    history.defer(history.variableDeleted(row));
  }

  /** Drops every variable of a scope without history (the scope itself ends). */
  dropScope(ref: VariableScopeRef): void {
    const key = scopeKey(ref);
    this.dropped.set(key, this.local(ref));
    for (const row of this.rows.get(key)?.values() ?? []) this.ctx.uow.delete('variable', row);
    this.rows.delete(key);
    this.transients.delete(key);
  }

  /** The local variables of an execution, even after its scope ended in this command. */
  lastKnown(executionId: string): Map<string, TypedValue> {
    return this.dropped.get(`execution:${executionId}`) ?? this.local({ executionId });
  }

  /** Moves the variables of one execution to another (concurrency pruning). */
  moveScope(fromExecutionId: string, toExecutionId: string): void {
    const from = this.rows.get(`execution:${fromExecutionId}`);
    if (!from) return;
    const target = this.scopeRows(`execution:${toExecutionId}`);
    for (const row of from.values()) {
      row.executionId = toExecutionId;
      target.set(row.name, row);
    }
    this.rows.delete(`execution:${fromExecutionId}`);
  }
}
