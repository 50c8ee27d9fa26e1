import { createHash } from 'node:crypto';
import type { CommandContext } from '../../command/CommandContext.js';
import type { DeploymentEntity } from '../../persistence/ports/entities.js';
import { where } from '../../persistence/ports/query.js';
import type { DeploymentRequest, DeploymentResource } from './DeployCmd.js';

/** Camunda's source for deployments without one, used when filtering duplicates. */
const DEFAULT_SOURCE = 'process application';

export interface DuplicateCheck {
  /** The existing deployment when no resource changed. */
  unchanged: DeploymentEntity | null;
  /** The resources that are new or differ from the latest deployed version of their name. */
  changed: DeploymentResource[];
}

/**
 * Duplicate filtering (Camunda's resolveResourcesToDeploy): compare each resource with the latest
 * resource of the same name among deployments with the same name, source and tenant.
 */
export async function duplicateDeployment(ctx: CommandContext, request: DeploymentRequest): Promise<DuplicateCheck> {
  const source = request.source === null || request.source === '' ? DEFAULT_SOURCE : request.source;
  const sourceCondition = source === DEFAULT_SOURCE
    ? where.or<'deployment'>(where.eq('source', source), where.isNull('source'))
    : where.eq<'deployment'>('source', source);
  const deployments = await ctx.uow.find('deployment', {
    where: where.and<'deployment'>(where.eq('name', request.name), where.eq('tenantId', request.tenantId), sourceCondition),
    orderBy: [{ field: 'deploymentTime', direction: 'desc' }],
  });
  if (deployments.length === 0) return { unchanged: null, changed: [...request.resources] };
  const existing = await ctx.uow.find('resource', {
    where: where.and<'resource'>(where.in('deploymentId', deployments.map((d) => d.id)), where.in('name', request.resources.map((r) => r.name))),
  });
  const order = new Map(deployments.map((d, i) => [d.id, i]));
  const latestByName = new Map<string, (typeof existing)[number]>();
  for (const row of existing) {
    const known = latestByName.get(row.name);
    if (!known || (order.get(row.deploymentId) ?? 0) < (order.get(known.deploymentId) ?? 0)) latestByName.set(row.name, row);
  }
  const changed = request.resources.filter((r) => {
    const latest = latestByName.get(r.name);
    return !latest || latest.checksum !== createHash('sha256').update(r.bytes).digest('hex');
  });
  if (changed.length > 0) return { unchanged: null, changed };
  const first = request.resources[0];
  const deploymentId = first ? latestByName.get(first.name)?.deploymentId : undefined;
  return { unchanged: deployments.find((d) => d.id === deploymentId) ?? null, changed };
}
