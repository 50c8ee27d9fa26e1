import type { CommandContext } from '../../command/CommandContext.js';
import type { ElBean, ElContext, Resolution } from '../../expression/ExpressionManager.js';
import type { ScriptExecutionBridge } from '../../expression/script/ScriptRunner.js';
import type { ActivityNode } from '../../model/graph/ProcessGraph.js';
import type { ExecutionEntity } from '../../persistence/ports/entities.js';
import type { TypedValue } from '../variables/TypedValue.js';
import type { InstanceRuntime } from './InstanceRuntime.js';
import type { VariableScopeRef } from './VariableStore.js';

/**
 * What a behaviour works with: one execution at one activity, with variable access, expression
 * evaluation and the bridges that expressions and scripts see as `execution`.
 */
export class ActivityExecution {
  constructor(readonly runtime: InstanceRuntime, readonly entity: ExecutionEntity) {}

  get ctx(): CommandContext { return this.runtime.ctx; }
  get id(): string { return this.entity.id; }

  get activity(): ActivityNode {
    if (!this.entity.activityId) throw new Error(`execution ${this.entity.id} is not at an activity`);
    return this.runtime.activity(this.entity.activityId);
  }

  get scope(): VariableScopeRef {
    return { executionId: this.entity.id };
  }

  getVariable(name: string): unknown {
    const value = this.runtime.variables.get(name, this.scope);
    return value ? this.runtime.variables.codec.toPlain(value) : null;
  }

  getVariableLocal(name: string): unknown {
    const value = this.runtime.variables.getLocal(name, this.scope);
    return value ? this.runtime.variables.codec.toPlain(value) : null;
  }

  setVariable(name: string, value: unknown): void {
    this.runtime.variables.set(name, this.typed(value), this.scope);
  }

  setVariableLocal(name: string, value: unknown): void {
    this.runtime.variables.setLocal(name, this.typed(value), this.scope);
  }

  private typed(value: unknown): TypedValue {
    return this.runtime.variables.codec.fromPlain(value);
  }

  /** Resolves identifiers for expressions: variables first, then the `execution` bean. */
  elContext(extraBeans: Record<string, unknown> = {}, eventName: string | null = null): ElContext {
    return {
      resolve: (name: string): Resolution => {
        const value = this.runtime.variables.get(name, this.scope);
        if (value) return { found: true, value: this.runtime.variables.codec.toPlain(value) };
        if (Object.hasOwn(extraBeans, name)) return { found: true, value: extraBeans[name] };
        if (name === 'execution') return { found: true, value: this.elBean(eventName) };
        return { found: false };
      },
    };
  }

  /** Evaluates an expression text (or returns the literal) in this execution's context. */
  evaluate(text: string, extraBeans: Record<string, unknown> = {}): unknown {
    return this.ctx.expressions.parse(text).evaluate(this.elContext(extraBeans));
  }

  /** The `execution` object expressions can call methods on. */
  elBean(eventName: string | null = null): ElBean {
    const bridge = this.scriptBridge(eventName);
    const properties: Record<string, unknown> = {
      id: bridge.id, processInstanceId: bridge.processInstanceId, processDefinitionId: bridge.processDefinitionId,
      activityId: bridge.activityId, activityInstanceId: bridge.activityInstanceId, businessKey: bridge.businessKey,
      processBusinessKey: bridge.businessKey, tenantId: bridge.tenantId, currentActivityId: bridge.activityId,
      eventName: bridge.eventName,
    };
    return {
      elMethods: {
        getVariable: (name) => bridge.getVariable(String(name)),
        getVariableLocal: (name) => bridge.getVariableLocal(String(name)),
        setVariable: (name, value) => bridge.setVariable(String(name), value),
        setVariableLocal: (name, value) => bridge.setVariableLocal(String(name), value),
        hasVariable: (name) => bridge.hasVariable(String(name)),
        removeVariable: (name) => bridge.removeVariable(String(name)),
        getVariables: () => bridge.getVariables(),
        getId: () => bridge.id,
        getProcessInstanceId: () => bridge.processInstanceId,
        getProcessDefinitionId: () => bridge.processDefinitionId,
        getActivityId: () => bridge.activityId,
        getCurrentActivityId: () => bridge.activityId,
        getActivityInstanceId: () => bridge.activityInstanceId,
        getBusinessKey: () => bridge.businessKey,
        getProcessBusinessKey: () => bridge.businessKey,
        getTenantId: () => bridge.tenantId,
        getEventName: () => bridge.eventName,
      },
      elProperty: (name: string): Resolution =>
        Object.hasOwn(properties, name) ? { found: true, value: properties[name] } : { found: false },
    };
  }

  /** The synchronous `execution` object bound into scripts. */
  scriptBridge(eventName: string | null): ScriptExecutionBridge {
    const variables = this.runtime.variables;
    const scope = this.scope;
    const codec = variables.codec;
    const pi = this.runtime.processInstance;
    return {
      getVariable: (name) => this.getVariable(name),
      getVariableLocal: (name) => this.getVariableLocal(name),
      setVariable: (name, value) => this.setVariable(name, value),
      setVariableLocal: (name, value) => this.setVariableLocal(name, value),
      hasVariable: (name) => variables.get(name, scope) !== undefined,
      removeVariable: (name) => variables.remove(name, scope),
      getVariables: () => Object.fromEntries([...variables.visible(scope)].map(([k, v]) => [k, codec.toPlain(v)])),
      id: this.entity.id,
      processInstanceId: pi.id,
      processDefinitionId: this.runtime.processDefinitionId,
      activityId: this.entity.activityId,
      activityInstanceId: this.entity.activityInstanceId,
      businessKey: pi.businessKey,
      tenantId: pi.tenantId,
      eventName,
    };
  }

  /** Plain values of every visible variable, bound as script globals. */
  scriptVariables(): Record<string, unknown> {
    const codec = this.runtime.variables.codec;
    return Object.fromEntries([...this.runtime.variables.visible(this.scope)].map(([k, v]) => [k, codec.toPlain(v)]));
  }
}
