import type { Command } from '../../command/Command.js';
import type { CommandContext } from '../../command/CommandContext.js';
import { InstanceRuntime } from '../../execution/runtime/InstanceRuntime.js';
import type { TypedValue } from '../../execution/variables/TypedValue.js';
import { SUSPENSION_ACTIVE, type ExternalTaskEntity } from '../../persistence/ports/entities.js';
import { where, type Condition, type OrderBy } from '../../persistence/ports/query.js';
import { variableValueCondition } from '../query/QueryDefinition.js';

/** One topic subscription of a fetch-and-lock request (Camunda's FetchExternalTaskTopicDto). */
export interface TopicRequest {
  topicName: string;
  lockDuration: number;
  variables?: string[] | null;
  localVariables?: boolean;
  businessKey?: string | null;
  processDefinitionId?: string | null;
  processDefinitionIdIn?: string[] | null;
  processDefinitionKey?: string | null;
  processDefinitionKeyIn?: string[] | null;
  processDefinitionVersionTag?: string | null;
  processVariables?: Record<string, unknown> | null;
  withoutTenantId?: boolean;
  tenantIdIn?: string[] | null;
  includeExtensionProperties?: boolean;
}

export interface FetchAndLockRequest {
  workerId: string;
  maxTasks: number;
  usePriority: boolean;
  /** Camunda only supports createTime. */
  sortByCreateTime: 'asc' | 'desc' | null;
  topics: readonly TopicRequest[];
}

export interface LockedExternalTask {
  task: ExternalTaskEntity;
  variables: Map<string, TypedValue>;
  extensionProperties: Record<string, string>;
}

function topicCondition(topic: TopicRequest, now: Date): Condition<'externalTask'> {
  const parts: (Condition<'externalTask'> | undefined)[] = [
    where.eq('topicName', topic.topicName),
    where.or<'externalTask'>(where.isNull('lockExpirationTime'), where.cmp('lockExpirationTime', '<=', now)),
    where.eq('suspensionState', SUSPENSION_ACTIVE),
    where.or<'externalTask'>(where.isNull('retries'), where.cmp('retries', '>', 0)),
  ];
  if (topic.businessKey) parts.push(where.eq('businessKey', topic.businessKey));
  if (topic.processDefinitionId) parts.push(where.eq('processDefinitionId', topic.processDefinitionId));
  if (topic.processDefinitionIdIn?.length) parts.push(where.in('processDefinitionId', topic.processDefinitionIdIn));
  if (topic.processDefinitionKey) parts.push(where.eq('processDefinitionKey', topic.processDefinitionKey));
  if (topic.processDefinitionKeyIn?.length) parts.push(where.in('processDefinitionKey', topic.processDefinitionKeyIn));
  if (topic.processDefinitionVersionTag) parts.push(where.eq('processDefinitionVersionTag', topic.processDefinitionVersionTag));
  if (topic.withoutTenantId) parts.push(where.isNull('tenantId'));
  if (topic.tenantIdIn?.length) parts.push(where.in('tenantId', topic.tenantIdIn));
  for (const [name, value] of Object.entries(topic.processVariables ?? {})) {
    parts.push({
      kind: 'exists', entity: 'variable', link: [['processInstanceId', 'processInstanceId']],
      where: where.and<'variable'>(variableValueCondition({ name, operator: 'eq', value }), where.isNull('taskId')),
    });
  }
  return where.and(...parts);
}

/**
 * Fetches and locks external tasks (Camunda's FetchExternalTasksCmd): candidates of all topics,
 * by priority when asked, then creation time; each is locked with a rev-guarded update, and rows
 * another worker locked first are skipped rather than failing the request.
 */
export class FetchAndLockCmd implements Command<LockedExternalTask[]> {
  readonly name = 'FetchAndLockCmd';

  constructor(private readonly request: FetchAndLockRequest) {}

  async execute(ctx: CommandContext): Promise<LockedExternalTask[]> {
    const { request } = this;
    if (request.maxTasks <= 0 || request.topics.length === 0) return [];
    const now = ctx.clock.now();
    const orderBy: OrderBy<'externalTask'>[] = [];
    if (request.usePriority) orderBy.push({ field: 'priority', direction: 'desc' });
    if (request.sortByCreateTime) orderBy.push({ field: 'createTime', direction: request.sortByCreateTime });
    const candidates = await ctx.uow.find('externalTask', {
      where: where.or(...request.topics.map((t) => topicCondition(t, now))),
      orderBy, limit: request.maxTasks * 2 + 10,
    });
    const locked: LockedExternalTask[] = [];
    for (const task of candidates) {
      if (locked.length >= request.maxTasks) break;
      const topic = request.topics.find((t) => t.topicName === task.topicName);
      if (!topic) continue;
      const lockExpirationTime = new Date(now.getTime() + topic.lockDuration);
      if (!(await ctx.uow.tryUpdate('externalTask', task, { workerId: request.workerId, lockExpirationTime }))) continue;
      locked.push(await this.describe(ctx, task, topic));
    }
    return locked;
  }

  private async describe(ctx: CommandContext, task: ExternalTaskEntity, topic: TopicRequest): Promise<LockedExternalTask> {
    const runtime = await InstanceRuntime.load(ctx, task.processInstanceId);
    const scope = { executionId: task.executionId };
    const all = topic.localVariables ? runtime.variables.local(scope) : runtime.variables.visible(scope);
    const names = topic.variables;
    const variables = new Map([...all].filter(([name]) => !names || names.includes(name)));
    const extensionProperties = topic.includeExtensionProperties
      ? { ...(runtime.deployed.graph.activities.get(task.activityId)?.properties ?? {}) }
      : {};
    return { task, variables, extensionProperties };
  }
}
