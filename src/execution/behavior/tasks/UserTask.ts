import { SUSPENSION_ACTIVE, type TaskEntity } from '../../../persistence/ports/entities.js';
import { fireTaskEvent } from '../../listeners/taskEvents.js';
import { historyOf } from '../../runtime/commandScope.js';
import type { ActivityExecution } from '../../runtime/ActivityExecution.js';
import type { ActivityBehavior } from '../ActivityBehavior.js';
import { leave } from '../leave.js';
import { evaluateCandidates, evaluateDate, evaluatePriority, evaluateString } from './taskFields.js';

/** Camunda's default task priority. */
export const DEFAULT_TASK_PRIORITY = 50;

function addIdentityLinks(execution: ActivityExecution, task: TaskEntity, users: string[], groups: string[]): void {
  const { uow, ids } = execution.ctx;
  for (const userId of users) {
    uow.insert('identityLink', { id: ids.next(), rev: 1, type: 'candidate', userId, groupId: null, taskId: task.id, processDefinitionId: null, tenantId: task.tenantId });
  }
  for (const groupId of groups) {
    uow.insert('identityLink', { id: ids.next(), rev: 1, type: 'candidate', userId: null, groupId, taskId: task.id, processDefinitionId: null, tenantId: task.tenantId });
  }
}

/**
 * BPMN 2.0 §10.3.3 user task with Camunda's attributes: creates a task (assignee, candidates,
 * dates, priority, form key evaluated as expressions) and waits until it is completed.
 */
export const userTask: ActivityBehavior = {
  async execute(execution) {
    const activity = execution.activity;
    const definition = activity.definition;
    if (definition.kind !== 'userTask') throw new Error(`activity ${activity.id} is not a user task`);
    const { runtime, entity, ctx } = execution;
    const task: TaskEntity = {
      id: ctx.ids.next(), rev: 1, executionId: entity.id, processInstanceId: runtime.processInstanceId,
      processDefinitionId: runtime.processDefinitionId, taskDefinitionKey: activity.id,
      activityInstanceId: entity.activityInstanceId, name: evaluateString(execution, definition.name ?? activity.name),
      description: definition.documentation === null ? null : evaluateString(execution, definition.documentation),
      owner: null, assignee: evaluateString(execution, definition.assignee), delegationState: null,
      priority: evaluatePriority(execution, definition.priority, DEFAULT_TASK_PRIORITY), createTime: ctx.clock.now(),
      lastUpdated: null, dueDate: evaluateDate(execution, definition.dueDate, 'Due date'),
      followUpDate: evaluateDate(execution, definition.followUpDate, 'Follow up date'), parentTaskId: null,
      suspensionState: SUSPENSION_ACTIVE, tenantId: runtime.tenantId, formKey: evaluateString(execution, definition.formKey),
    };
    ctx.uow.insert('task', task);
    addIdentityLinks(execution, task, evaluateCandidates(execution, definition.candidateUsers),
      evaluateCandidates(execution, definition.candidateGroups));
    const history = historyOf(ctx);
    history.taskCreated(task, runtime.deployed.definition);
    if (task.assignee) await history.taskUpdated(task);
    await setActivityTask(execution, task);
    await fireTaskEvent(ctx, task, 'create');
    if (task.assignee) await fireTaskEvent(ctx, task, 'assignment');
  },
  signal: (execution) => leave(execution),
};

/** Links the activity instance in history to its task (Camunda's HistoricActivityInstance.taskId). */
async function setActivityTask(execution: ActivityExecution, task: TaskEntity): Promise<void> {
  if (!task.activityInstanceId) return;
  const row = await execution.ctx.uow.get('historicActivityInstance', task.activityInstanceId);
  if (row) {
    row.taskId = task.id;
    row.assignee = task.assignee;
  }
}
