import type { CommandContext } from '../../command/CommandContext.js';
import { engineError } from '../../errors/EngineError.js';
import { InstanceRuntime } from '../../execution/runtime/InstanceRuntime.js';
import type { VariableScopeRef } from '../../execution/runtime/VariableStore.js';
import type { TypedValue } from '../../execution/variables/TypedValue.js';

/** A variable as read through the API: its typed value and, when stored, its row id. */
export interface StoredVariable {
  name: string;
  value: TypedValue;
  id: string | null;
}

export interface VariableModifications {
  modifications: ReadonlyMap<string, TypedValue>;
  deletions: readonly string[];
}

async function runtimeOfExecution(ctx: CommandContext, executionId: string): Promise<InstanceRuntime> {
  const execution = await ctx.uow.get('execution', executionId);
  if (!execution) throw engineError('nullValue', `execution ${executionId} doesn't exist: execution is null`);
  return InstanceRuntime.load(ctx, execution.processInstanceId);
}

/** Reads variables of a scope (execution or task) with their row ids. */
export function readScope(runtime: InstanceRuntime, scope: VariableScopeRef, local: boolean): StoredVariable[] {
  const values = local ? runtime.variables.local(scope) : runtime.variables.visible(scope);
  const chain = runtime.variables.chain(scope);
  return [...values].map(([name, value]) => {
    const owner = chain.find((s) => runtime.variables.hasLocal(name, s));
    return { name, value, id: owner ? runtime.variables.row(name, owner)?.id ?? null : null };
  });
}

/**
 * One variable as Camunda's `getVariable(Local)Typed` reads it: from the scope itself (`local`) or
 * the nearest enclosing scope that has it; null when no scope has it.
 */
export function readVariable(runtime: InstanceRuntime, scope: VariableScopeRef, name: string, local: boolean): StoredVariable | null {
  const owner = (local ? [scope] : runtime.variables.chain(scope)).find((s) => runtime.variables.hasLocal(name, s));
  const value = owner ? runtime.variables.getLocal(name, owner) : undefined;
  if (!owner || !value) return null;
  return { name, value, id: runtime.variables.row(name, owner)?.id ?? null };
}

export async function getExecutionVariables(ctx: CommandContext, executionId: string, local: boolean): Promise<StoredVariable[]> {
  const runtime = await runtimeOfExecution(ctx, executionId);
  return readScope(runtime, { executionId }, local);
}

/** `GetExecutionVariableTypedCmd`: one variable of an execution, null when it is not set. */
export async function getExecutionVariable(ctx: CommandContext, executionId: string, name: string, local: boolean): Promise<StoredVariable | null> {
  const runtime = await runtimeOfExecution(ctx, executionId);
  return readVariable(runtime, { executionId }, name, local);
}

/**
 * Applies Camunda's PatchVariablesDto like `AbstractPatchVariablesCmd`: first the modifications,
 * then the deletions (a name in both ends up deleted).
 */
export function applyModifications(runtime: InstanceRuntime, scope: VariableScopeRef, changes: VariableModifications, local: boolean): void {
  for (const [name, value] of changes.modifications) {
    if (local) runtime.variables.setLocal(name, value, scope);
    else runtime.variables.set(name, value, scope);
  }
  for (const name of changes.deletions) {
    if (local) runtime.variables.removeLocal(name, scope);
    else runtime.variables.remove(name, scope);
  }
}

export async function modifyExecutionVariables(ctx: CommandContext, executionId: string, changes: VariableModifications, local: boolean): Promise<void> {
  const runtime = await runtimeOfExecution(ctx, executionId);
  applyModifications(runtime, { executionId }, changes, local);
}
