import type { CommandContext } from '../../command/CommandContext.js';
import { engineError } from '../../errors/EngineError.js';
import type { IdentityLinkEntity } from '../../persistence/ports/entities.js';
import { where } from '../../persistence/ports/query.js';
import { requireTask, taskChanged } from './taskAccess.js';

export interface IdentityLink {
  userId: string | null;
  groupId: string | null;
  type: string;
}

/**
 * A task's identity links as Camunda reports them: candidate links, plus the assignee and owner
 * as links of type `assignee` / `owner`.
 */
export async function taskIdentityLinks(ctx: CommandContext, taskId: string, type?: string): Promise<IdentityLink[]> {
  const task = await requireTask(ctx, taskId);
  const links: IdentityLink[] = [];
  if (task.assignee) links.push({ userId: task.assignee, groupId: null, type: 'assignee' });
  if (task.owner) links.push({ userId: task.owner, groupId: null, type: 'owner' });
  const rows = await ctx.uow.find('identityLink', { where: where.eq('taskId', taskId) });
  for (const row of rows) links.push({ userId: row.userId, groupId: row.groupId, type: row.type });
  return type === undefined ? links : links.filter((l) => l.type === type);
}

function validate(link: IdentityLink): void {
  if ((link.userId === null) === (link.groupId === null)) {
    throw engineError('invalidRequest', 'Identity link requires a "userId" or a "groupId", but not both.');
  }
}

/** Adds a link; `assignee` and `owner` links set those task fields, as in Camunda. */
export async function addTaskIdentityLink(ctx: CommandContext, taskId: string, link: IdentityLink): Promise<void> {
  validate(link);
  const task = await requireTask(ctx, taskId, 'notFound');
  if (link.type === 'assignee' && link.userId) task.assignee = link.userId;
  else if (link.type === 'owner' && link.userId) task.owner = link.userId;
  else {
    const row: IdentityLinkEntity = {
      id: ctx.ids.next(), rev: 1, type: link.type, userId: link.userId, groupId: link.groupId, taskId,
      processDefinitionId: null, tenantId: task.tenantId,
    };
    ctx.uow.insert('identityLink', row);
  }
  await taskChanged(ctx, task);
}

export async function deleteTaskIdentityLink(ctx: CommandContext, taskId: string, link: IdentityLink): Promise<void> {
  validate(link);
  const task = await requireTask(ctx, taskId);
  if (link.type === 'assignee' && task.assignee === link.userId) task.assignee = null;
  else if (link.type === 'owner' && task.owner === link.userId) task.owner = null;
  else {
    const rows = await ctx.uow.find('identityLink', {
      where: where.and(where.eq('taskId', taskId), where.eq('type', link.type), where.eq('userId', link.userId), where.eq('groupId', link.groupId)),
    });
    for (const row of rows) ctx.uow.delete('identityLink', row);
  }
  await taskChanged(ctx, task);
}
