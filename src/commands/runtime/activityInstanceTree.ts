import type { CommandContext } from '../../command/CommandContext.js';
import { InstanceRuntime } from '../../execution/runtime/InstanceRuntime.js';
import type { ExecutionEntity, IncidentEntity } from '../../persistence/ports/entities.js';
import { where } from '../../persistence/ports/query.js';

/** Camunda's ActivityInstance: the runtime tree of activity instances of a process instance. */
export interface ActivityInstance {
  id: string;
  parentActivityInstanceId: string | null;
  activityId: string;
  activityName: string | null;
  activityType: string;
  processInstanceId: string;
  processDefinitionId: string;
  childActivityInstances: ActivityInstance[];
  childTransitionInstances: TransitionInstance[];
  executionIds: string[];
  incidentIds: string[];
  incidents: { id: string; activityId: string | null }[];
}

export interface TransitionInstance {
  id: string;
  parentActivityInstanceId: string;
  activityId: string;
  activityName: string | null;
  activityType: string;
  processInstanceId: string;
  processDefinitionId: string;
  executionId: string;
  incidentIds: string[];
  incidents: { id: string; activityId: string | null }[];
}

function incidentsOf(incidents: readonly IncidentEntity[], executionIds: readonly string[]) {
  const own = incidents.filter((i) => i.executionId !== null && executionIds.includes(i.executionId));
  return { incidentIds: own.map((i) => i.id), incidents: own.map((i) => ({ id: i.id, activityId: i.activityId })) };
}

/**
 * Builds the activity instance tree from the execution tree, as Camunda's GetActivityInstanceCmd
 * does: the process instance is the root (activity id = process definition id); every leaf
 * execution at an activity is a child activity instance; concurrent children between activities
 * count among the root's execution ids. Returns null for an unknown instance.
 */
export async function activityInstanceTree(ctx: CommandContext, processInstanceId: string): Promise<ActivityInstance | null> {
  const pi = await ctx.uow.get('execution', processInstanceId);
  if (!pi || pi.parentId !== null) return null;
  const runtime = await InstanceRuntime.load(ctx, processInstanceId);
  const executions = runtime.executions();
  const incidents = await ctx.uow.find('incident', { where: where.eq('processInstanceId', processInstanceId) });
  const graph = runtime.deployed.graph;
  const rootExecutionIds = [pi.id, ...executions.filter((e) => e.isConcurrent && e.activityId === null).map((e) => e.id)];
  const root: ActivityInstance = {
    id: pi.id, parentActivityInstanceId: null, activityId: pi.processDefinitionId, activityName: graph.name ?? graph.key,
    activityType: 'processDefinition', processInstanceId: pi.id, processDefinitionId: pi.processDefinitionId,
    childActivityInstances: [], childTransitionInstances: [], executionIds: rootExecutionIds,
    ...incidentsOf(incidents, pi.activityId === null ? [pi.id] : []),
  };
  const leaves = executions.filter((e) => e.activityId !== null && runtime.children(e).length === 0);
  for (const leaf of [...leaves].sort((a, b) => a.id.localeCompare(b.id))) addLeaf(root, leaf, runtime, incidents);
  return root;
}

function addLeaf(root: ActivityInstance, leaf: ExecutionEntity, runtime: InstanceRuntime, incidents: readonly IncidentEntity[]): void {
  const activity = runtime.activity(leaf.activityId ?? '');
  const common = {
    activityId: activity.id, activityName: activity.name, activityType: activity.type,
    processInstanceId: root.processInstanceId, processDefinitionId: root.processDefinitionId,
  };
  if (leaf.activityInstanceId && leaf.activityInstanceId !== root.id) {
    root.childActivityInstances.push({
      id: leaf.activityInstanceId, parentActivityInstanceId: root.id, ...common, childActivityInstances: [],
      childTransitionInstances: [], executionIds: [leaf.id], ...incidentsOf(incidents, [leaf.id]),
    });
    return;
  }
  root.childTransitionInstances.push({
    id: leaf.id, parentActivityInstanceId: root.id, ...common, executionId: leaf.id, ...incidentsOf(incidents, [leaf.id]),
  });
}
