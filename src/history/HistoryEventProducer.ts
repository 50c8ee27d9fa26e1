import type { CommandContext } from '../command/CommandContext.js';
import type { ActivityNode } from '../model/graph/ProcessGraph.js';
import type {
  ExecutionEntity, HistoricActivityInstanceEntity, ProcessDefinitionEntity, TaskEntity, VariableEntity,
} from '../persistence/ports/entities.js';
import {
  INCIDENT_STATE_DELETED, INCIDENT_STATE_OPEN, INCIDENT_STATE_RESOLVED, type IncidentEntity,
} from '../persistence/ports/entities.js';
import { historyLevelAtLeast, type HistoryLevel } from './HistoryLevel.js';
import { IdentityLinkHistory } from './identityLinkHistory.js';

/** Camunda's historic process instance states. */
export const PROCESS_STATE = {
  active: 'ACTIVE',
  suspended: 'SUSPENDED',
  completed: 'COMPLETED',
  externallyTerminated: 'EXTERNALLY_TERMINATED',
  internallyTerminated: 'INTERNALLY_TERMINATED',
} as const;

function duration(start: Date, end: Date): number {
  return end.getTime() - start.getTime();
}

/**
 * Writes history rows in the same unit of work as the runtime change that caused them, so history
 * commits or rolls back with it. Each method checks the configured level first.
 */
export class HistoryEventProducer {
  private sequence = 0;
  private pending: Promise<void>[] = [];
  private readonly identityLinks: IdentityLinkHistory;

  constructor(private readonly ctx: CommandContext) {
    this.identityLinks = new IdentityLinkHistory(ctx);
    ctx.beforeFlush(() => this.settle());
  }

  /** Lets synchronous callers (script bridges) record history; awaited before the flush. */
  defer(write: Promise<void>): void {
    this.pending.push(write);
  }

  async settle(): Promise<void> {
    while (this.pending.length > 0) await Promise.all(this.pending.splice(0));
    if (this.enabled('full')) await this.identityLinks.write();
  }

  private enabled(required: HistoryLevel): boolean {
    return historyLevelAtLeast(this.ctx.settings.historyLevel, required);
  }

  processInstanceStarted(pi: ExecutionEntity, definition: ProcessDefinitionEntity, startActivityId: string): void {
    if (!this.enabled('activity')) return;
    this.ctx.uow.insert('historicProcessInstance', {
      id: pi.id, rev: 1, processInstanceId: pi.id, businessKey: pi.businessKey,
      processDefinitionId: definition.id, processDefinitionKey: definition.key,
      processDefinitionName: definition.name, processDefinitionVersion: definition.version,
      startTime: this.ctx.clock.now(), endTime: null, durationInMillis: null,
      startUserId: this.ctx.auth.userId, startActivityId, endActivityId: null,
      superProcessInstanceId: null, rootProcessInstanceId: pi.id, deleteReason: null,
      tenantId: pi.tenantId, state: PROCESS_STATE.active, removalTime: null,
    });
  }

  async processInstanceEnded(pi: ExecutionEntity, state: string, endActivityId: string | null, deleteReason: string | null): Promise<void> {
    if (!this.enabled('activity')) return;
    const hpi = await this.ctx.uow.get('historicProcessInstance', pi.id);
    if (!hpi) return;
    const now = this.ctx.clock.now();
    hpi.endTime = now;
    hpi.durationInMillis = duration(hpi.startTime, now);
    hpi.state = state;
    hpi.endActivityId = endActivityId;
    hpi.deleteReason = deleteReason;
  }

  async businessKeyChanged(pi: ExecutionEntity): Promise<void> {
    if (!this.enabled('activity')) return;
    const hpi = await this.ctx.uow.get('historicProcessInstance', pi.id);
    if (hpi) hpi.businessKey = pi.businessKey;
  }

  activityStarted(execution: ExecutionEntity, activity: ActivityNode, parentActivityInstanceId: string | null): void {
    if (!this.enabled('activity') || !execution.activityInstanceId) return;
    const row: HistoricActivityInstanceEntity = {
      id: execution.activityInstanceId, rev: 1, parentActivityInstanceId, activityId: activity.id,
      activityName: activity.name, activityType: activity.type,
      processDefinitionKey: execution.processDefinitionKey, processDefinitionId: execution.processDefinitionId,
      processInstanceId: execution.processInstanceId, rootProcessInstanceId: execution.processInstanceId,
      executionId: execution.id, taskId: null, calledProcessInstanceId: null, assignee: null,
      startTime: this.ctx.clock.now(), endTime: null, durationInMillis: null, canceled: false,
      completeScope: false, tenantId: execution.tenantId, sequenceCounter: this.nextSequence(), removalTime: null,
    };
    this.ctx.uow.insert('historicActivityInstance', row);
  }

  async activityEnded(activityInstanceId: string, options: { canceled?: boolean; completeScope?: boolean; executionId?: string } = {}): Promise<void> {
    if (!this.enabled('activity')) return;
    const row = await this.ctx.uow.get('historicActivityInstance', activityInstanceId);
    if (!row || row.endTime) return;
    const now = this.ctx.clock.now();
    row.endTime = now;
    row.durationInMillis = duration(row.startTime, now);
    row.canceled = options.canceled ?? false;
    row.completeScope = options.completeScope ?? false;
    if (options.executionId) row.executionId = options.executionId;
  }

  async activityExecutionChanged(activityInstanceId: string, executionId: string): Promise<void> {
    if (!this.enabled('activity')) return;
    const row = await this.ctx.uow.get('historicActivityInstance', activityInstanceId);
    if (row) row.executionId = executionId;
  }

  taskCreated(task: TaskEntity, definition: { key: string } | null): void {
    if (!this.enabled('activity')) return;
    this.identityLinks.touch(task);
    this.ctx.uow.insert('historicTaskInstance', {
      id: task.id, rev: 1, processDefinitionKey: definition?.key ?? null,
      processDefinitionId: task.processDefinitionId, processInstanceId: task.processInstanceId,
      rootProcessInstanceId: task.processInstanceId, executionId: task.executionId,
      activityInstanceId: task.activityInstanceId, name: task.name, description: task.description,
      owner: task.owner, assignee: task.assignee, startTime: task.createTime, endTime: null,
      durationInMillis: null, deleteReason: null, taskDefinitionKey: task.taskDefinitionKey,
      priority: task.priority, dueDate: task.dueDate, followUpDate: task.followUpDate,
      parentTaskId: task.parentTaskId, tenantId: task.tenantId, removalTime: null,
    });
  }

  /** Copies the task's current fields into its historic row (assignee, dates, priority, …). */
  async taskUpdated(task: TaskEntity): Promise<void> {
    if (!this.enabled('activity')) return;
    this.identityLinks.touch(task);
    const row = await this.ctx.uow.get('historicTaskInstance', task.id);
    if (!row) return;
    Object.assign(row, {
      name: task.name, description: task.description, owner: task.owner, assignee: task.assignee,
      priority: task.priority, dueDate: task.dueDate, followUpDate: task.followUpDate,
      executionId: task.executionId, parentTaskId: task.parentTaskId,
    });
    if (task.activityInstanceId) {
      const activity = await this.ctx.uow.get('historicActivityInstance', task.activityInstanceId);
      if (activity) activity.assignee = task.assignee;
    }
  }

  async taskEnded(task: TaskEntity, deleteReason: string): Promise<void> {
    if (!this.enabled('activity')) return;
    this.identityLinks.end(task.id);
    const row = await this.ctx.uow.get('historicTaskInstance', task.id);
    if (!row) return;
    const now = this.ctx.clock.now();
    row.endTime = now;
    row.durationInMillis = duration(row.startTime, now);
    row.deleteReason = deleteReason;
  }

  variableCreated(variable: VariableEntity, processDefinitionKey: string | null, rootProcessInstanceId: string | null): void {
    if (this.enabled('audit')) {
      this.ctx.uow.insert('historicVariableInstance', {
        id: variable.id, rev: 1, name: variable.name, type: variable.type, textValue: variable.textValue,
        textValue2: variable.textValue2, longValue: variable.longValue, doubleValue: variable.doubleValue,
        bytesValue: variable.bytesValue, processDefinitionKey, processDefinitionId: variable.processDefinitionId,
        processInstanceId: variable.processInstanceId, rootProcessInstanceId, executionId: variable.executionId,
        activityInstanceId: variable.activityInstanceId, taskId: variable.taskId, tenantId: variable.tenantId,
        createTime: this.ctx.clock.now(), state: 'CREATED', removalTime: null,
      });
    }
    this.variableUpdate(variable, processDefinitionKey, rootProcessInstanceId, 0, true);
  }

  async variableUpdated(variable: VariableEntity, processDefinitionKey: string | null, rootProcessInstanceId: string | null, revision: number): Promise<void> {
    if (this.enabled('audit')) {
      const row = await this.ctx.uow.get('historicVariableInstance', variable.id);
      if (row) {
        Object.assign(row, {
          type: variable.type, textValue: variable.textValue, textValue2: variable.textValue2,
          longValue: variable.longValue, doubleValue: variable.doubleValue, bytesValue: variable.bytesValue,
        });
      }
    }
    this.variableUpdate(variable, processDefinitionKey, rootProcessInstanceId, revision, false);
  }

  async variableDeleted(variable: VariableEntity): Promise<void> {
    if (!this.enabled('audit')) return;
    const row = await this.ctx.uow.get('historicVariableInstance', variable.id);
    if (row) row.state = 'DELETED';
  }

  /** Camunda's INCIDENT_CREATE (history level full): an open historic incident. */
  incidentCreated(incident: IncidentEntity, processDefinitionKey: string | null): void {
    if (!this.enabled('full')) return;
    this.ctx.uow.insert('historicIncident', {
      id: incident.id, rev: 1, processDefinitionKey, processDefinitionId: incident.processDefinitionId,
      rootProcessInstanceId: incident.processInstanceId, processInstanceId: incident.processInstanceId,
      executionId: incident.executionId, createTime: incident.incidentTimestamp, endTime: null,
      incidentMessage: incident.incidentMessage, incidentType: incident.incidentType, activityId: incident.activityId,
      failedActivityId: incident.failedActivityId, causeIncidentId: incident.causeIncidentId,
      rootCauseIncidentId: incident.rootCauseIncidentId, configuration: incident.configuration,
      historyConfiguration: null, incidentState: INCIDENT_STATE_OPEN, tenantId: incident.tenantId,
      jobDefinitionId: incident.jobDefinitionId, annotation: incident.annotation, removalTime: null,
    });
  }

  /** Camunda's INCIDENT_RESOLVE / INCIDENT_DELETE: the historic incident ends resolved or deleted. */
  async incidentEnded(incident: IncidentEntity, resolved: boolean): Promise<void> {
    if (!this.enabled('full')) return;
    const row = await this.ctx.uow.get('historicIncident', incident.id);
    if (!row) return;
    row.endTime = this.ctx.clock.now();
    row.incidentState = resolved ? INCIDENT_STATE_RESOLVED : INCIDENT_STATE_DELETED;
  }

  /** Camunda's INCIDENT_UPDATE: the annotation changed. */
  async incidentUpdated(incident: IncidentEntity): Promise<void> {
    if (!this.enabled('full')) return;
    const row = await this.ctx.uow.get('historicIncident', incident.id);
    if (row) row.annotation = incident.annotation;
  }

  private variableUpdate(variable: VariableEntity, processDefinitionKey: string | null,
    rootProcessInstanceId: string | null, revision: number, initial: boolean): void {
    if (!this.enabled('full')) return;
    this.ctx.uow.insert('historicVariableUpdate', {
      id: this.ctx.ids.next(), variableInstanceId: variable.id, name: variable.name, type: variable.type,
      textValue: variable.textValue, textValue2: variable.textValue2, longValue: variable.longValue,
      doubleValue: variable.doubleValue, bytesValue: variable.bytesValue, processDefinitionKey,
      processDefinitionId: variable.processDefinitionId, processInstanceId: variable.processInstanceId,
      rootProcessInstanceId, executionId: variable.executionId, activityInstanceId: variable.activityInstanceId,
      taskId: variable.taskId, tenantId: variable.tenantId, time: this.ctx.clock.now(), revision,
      sequenceCounter: this.nextSequence(), initial, removalTime: null,
    });
  }

  /** Monotonic within the engine: start time in ms scaled, plus a per-command counter. */
  private nextSequence(): number {
    this.sequence += 1;
    return this.ctx.clock.now().getTime() * 1000 + this.sequence;
  }
}
