import type { ElBean, Resolution } from '../../expression/ExpressionManager.js';
import type { TaskEntity } from '../../persistence/ports/entities.js';
import type { ActivityExecution } from '../runtime/ActivityExecution.js';

/**
 * The `task` object listeners, expressions and scripts see (the parts of Camunda's DelegateTask
 * that models use). Setters change the task within the running command.
 */
export class TaskBean {
  constructor(private readonly _task: TaskEntity, private readonly _execution: ActivityExecution, readonly eventName: string) {}

  getId(): string { return this._task.id; }
  getName(): string | null { return this._task.name; }
  setName(name: string | null): void { this._task.name = name; }
  getDescription(): string | null { return this._task.description; }
  setDescription(description: string | null): void { this._task.description = description; }
  getAssignee(): string | null { return this._task.assignee; }
  setAssignee(assignee: string | null): void { this._task.assignee = assignee; }
  getOwner(): string | null { return this._task.owner; }
  setOwner(owner: string | null): void { this._task.owner = owner; }
  getPriority(): number { return this._task.priority; }
  setPriority(priority: number): void { this._task.priority = Number(priority); }
  getDueDate(): Date | null { return this._task.dueDate; }
  setDueDate(date: Date | null): void { this._task.dueDate = date; }
  getFollowUpDate(): Date | null { return this._task.followUpDate; }
  setFollowUpDate(date: Date | null): void { this._task.followUpDate = date; }
  getTaskDefinitionKey(): string | null { return this._task.taskDefinitionKey; }
  getProcessInstanceId(): string | null { return this._task.processInstanceId; }
  getProcessDefinitionId(): string | null { return this._task.processDefinitionId; }
  getExecutionId(): string | null { return this._task.executionId; }
  getTenantId(): string | null { return this._task.tenantId; }
  getCreateTime(): Date { return this._task.createTime; }
  getFormKey(): string | null { return this._task.formKey; }
  getEventName(): string { return this.eventName; }
  getExecution(): ReturnType<ActivityExecution['scriptBridge']> { return this._execution.scriptBridge(this.eventName); }

  getVariable(name: string): unknown { return this.plain(this._execution.runtime.variables.get(name, this.scope())); }
  getVariableLocal(name: string): unknown { return this.plain(this._execution.runtime.variables.getLocal(name, this.scope())); }
  hasVariable(name: string): boolean { return this._execution.runtime.variables.get(name, this.scope()) !== undefined; }
  setVariable(name: string, value: unknown): void {
    this._execution.runtime.variables.set(name, this._execution.runtime.variables.codec.fromPlain(value), this.scope());
  }
  setVariableLocal(name: string, value: unknown): void {
    this._execution.runtime.variables.setLocal(name, this._execution.runtime.variables.codec.fromPlain(value), this.scope());
  }
  removeVariable(name: string): void { this._execution.runtime.variables.remove(name, this.scope()); }

  addCandidateUser(userId: string): void { this.link({ userId: String(userId), groupId: null }); }
  addCandidateGroup(groupId: string): void { this.link({ userId: null, groupId: String(groupId) }); }

  private link(who: { userId: string | null; groupId: string | null }): void {
    const { uow, ids } = this._execution.ctx;
    uow.insert('identityLink', { id: ids.next(), rev: 1, type: 'candidate', ...who, taskId: this._task.id, processDefinitionId: null, tenantId: this._task.tenantId });
  }

  private scope() {
    return { executionId: this._task.executionId ?? this._execution.id, taskId: this._task.id };
  }

  private plain(value: Parameters<ActivityExecution['runtime']['variables']['codec']['toPlain']>[0] | undefined): unknown {
    return value ? this._execution.runtime.variables.codec.toPlain(value) : null;
  }

  /** The same task as an expression bean: `${task.assignee}`, `${task.setVariable('x', 1)}`. */
  elBean(): ElBean {
    const methods: Record<string, (...args: unknown[]) => unknown> = {};
    for (const name of Object.getOwnPropertyNames(TaskBean.prototype)) {
      const member = (this as unknown as Record<string, unknown>)[name];
      if (name !== 'constructor' && name !== 'elBean' && !name.startsWith('_') && typeof member === 'function') {
        methods[name] = (...args: unknown[]) => (member as (...a: unknown[]) => unknown).apply(this, args);
      }
    }
    const properties: Record<string, unknown> = {
      id: this._task.id, name: this._task.name, assignee: this._task.assignee, owner: this._task.owner,
      priority: this._task.priority, taskDefinitionKey: this._task.taskDefinitionKey, eventName: this.eventName,
      processInstanceId: this._task.processInstanceId, executionId: this._task.executionId, description: this._task.description,
    };
    return {
      elMethods: methods,
      elProperty: (name: string): Resolution => (Object.hasOwn(properties, name) ? { found: true, value: properties[name] } : { found: false }),
    };
  }
}
