import type { CommandContext } from '../command/CommandContext.js';
import type { HistoricIdentityLinkEntity, TaskEntity } from '../persistence/ports/entities.js';
import { where } from '../persistence/ports/query.js';

/** A task's identity link as the history log records it. */
interface LinkKey {
  type: string | null;
  userId: string | null;
  groupId: string | null;
}

function keyOf(link: LinkKey): string {
  return JSON.stringify([link.type, link.userId, link.groupId]);
}

function count(counts: Map<string, { link: LinkKey; n: number }>, link: LinkKey, delta: number): void {
  const key = keyOf(link);
  const entry = counts.get(key) ?? { link, n: 0 };
  entry.n += delta;
  counts.set(key, entry);
}

/**
 * Camunda's identity link history (HistoricIdentityLinkLog, level full) for tasks: when a
 * candidate link is added or deleted, or the assignee or owner changes (delete of the old user,
 * add of the new one), a row is logged. Links deleted together with their task are not logged.
 *
 * Runtime code changes links and task fields directly, so this log compares, before the flush,
 * the current links of every task the command touched with what the log already says, and writes
 * the difference. Tasks that ended in the command are skipped.
 */
export class IdentityLinkHistory {
  private readonly touched = new Map<string, TaskEntity>();
  private readonly ended = new Set<string>();

  constructor(private readonly ctx: CommandContext) {}

  /** The task was created or changed in this command. */
  touch(task: TaskEntity): void {
    this.touched.set(task.id, task);
  }

  /** The task was completed or deleted in this command. */
  end(taskId: string): void {
    this.ended.add(taskId);
  }

  /** Logs the link changes of the touched tasks. */
  async write(): Promise<void> {
    const tasks = [...this.touched.values()].filter((task) => !this.ended.has(task.id));
    this.touched.clear();
    for (const task of tasks) await this.writeTask(task);
  }

  /** The links the task has now: its identity links plus its assignee and owner. */
  private async currentLinks(task: TaskEntity): Promise<LinkKey[]> {
    const rows = await this.ctx.uow.find('identityLink', { where: where.eq('taskId', task.id) });
    const links: LinkKey[] = rows.map((row) => ({ type: row.type, userId: row.userId, groupId: row.groupId }));
    if (task.assignee !== null) links.push({ type: 'assignee', userId: task.assignee, groupId: null });
    if (task.owner !== null) links.push({ type: 'owner', userId: task.owner, groupId: null });
    return links;
  }

  private async writeTask(task: TaskEntity): Promise<void> {
    const counts = new Map<string, { link: LinkKey; n: number }>();
    for (const link of await this.currentLinks(task)) count(counts, link, 1);
    const logged = await this.ctx.uow.find('historicIdentityLink', { where: where.eq('taskId', task.id) });
    for (const row of logged) count(counts, row, row.operationType === 'delete' ? 1 : -1);
    const changes = [...counts.values()].filter((entry) => entry.n !== 0);
    if (changes.length === 0) return;
    const historicTask = await this.ctx.uow.get('historicTaskInstance', task.id);
    const log = (link: LinkKey, operationType: string) => this.ctx.uow.insert('historicIdentityLink', this.row(task, link, operationType,
      historicTask?.processDefinitionKey ?? null, historicTask?.rootProcessInstanceId ?? task.processInstanceId));
    // Deletes first: a replaced assignee is logged as delete of the old user, then add of the new one.
    for (const { link, n } of changes) for (let i = 0; i < -n; i++) log(link, 'delete');
    for (const { link, n } of changes) for (let i = 0; i < n; i++) log(link, 'add');
  }

  private row(task: TaskEntity, link: LinkKey, operationType: string, processDefinitionKey: string | null,
    rootProcessInstanceId: string | null): HistoricIdentityLinkEntity {
    return {
      id: this.ctx.ids.next(), timestamp: this.ctx.clock.now(), type: link.type, userId: link.userId, groupId: link.groupId,
      taskId: task.id, processDefinitionId: task.processDefinitionId, processDefinitionKey, rootProcessInstanceId,
      operationType, assignerId: this.ctx.auth.userId, tenantId: task.tenantId, removalTime: null,
    };
  }
}
