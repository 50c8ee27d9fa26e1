import type { CommandContext } from '../../command/CommandContext.js';
import { engineError } from '../../errors/EngineError.js';
import { SUSPENSION_ACTIVE, SUSPENSION_SUSPENDED, type ProcessDefinitionEntity } from '../../persistence/ports/entities.js';
import { where, type Condition } from '../../persistence/ports/query.js';
import { filter, type QueryDefinition } from '../query/QueryDefinition.js';

type PD = 'processDefinition';

/** No newer version of the same key and tenant exists (Camunda's `latestVersion`). */
export const latestVersionOnly: Condition<PD> = {
  kind: 'exists', entity: 'processDefinition', negate: true,
  link: [['key', 'key'], ['tenantId', 'tenantId', 'is'], ['version', 'version', '>']],
  where: { kind: 'true' },
};

/** GET/POST /process-definition filters and sort keys (Camunda's ProcessDefinitionQueryDto). */
export const processDefinitionQuery: QueryDefinition<PD> = {
  entity: 'processDefinition',
  filters: {
    processDefinitionId: filter.eq('id'),
    processDefinitionIdIn: filter.in('id'),
    name: filter.eq('name'),
    nameLike: filter.like('name'),
    deploymentId: filter.eq('deploymentId'),
    key: filter.eq('key'),
    keysIn: filter.in('key'),
    keyLike: filter.like('key'),
    category: filter.eq('category'),
    categoryLike: filter.like('category'),
    version: filter.int('version'),
    latestVersion: filter.flag(latestVersionOnly),
    resourceName: filter.eq('resourceName'),
    resourceNameLike: filter.like('resourceName'),
    active: filter.flag(where.eq('suspensionState', SUSPENSION_ACTIVE)),
    suspended: filter.flag(where.eq('suspensionState', SUSPENSION_SUSPENDED)),
    tenantIdIn: filter.in('tenantId'),
    withoutTenantId: filter.flag(where.isNull('tenantId')),
    versionTag: filter.eq('versionTag'),
    versionTagLike: filter.like('versionTag'),
    withoutVersionTag: filter.flag(where.isNull('versionTag')),
    startableInTasklist: filter.flag(where.eq('startableInTasklist', true)),
    notStartableInTasklist: filter.flag(where.eq('startableInTasklist', false)),
  },
  sorts: {
    category: 'category', key: 'key', id: 'id', name: 'name', version: 'version',
    deploymentId: 'deploymentId', tenantId: 'tenantId', versionTag: 'versionTag',
  },
};

/** `tenantIdIn` plus `includeProcessDefinitionsWithoutTenantId` widen to tenant-less rows. */
export function tenantCondition(filters: Readonly<Record<string, unknown>>, includeKey: string): Condition<PD>[] {
  const tenants = filters['tenantIdIn'];
  if (!Array.isArray(tenants) || filters[includeKey] !== true) return [];
  return [where.or<PD>(where.in<PD>('tenantId', tenants as string[]), where.isNull<PD>('tenantId'))];
}

export async function getProcessDefinition(ctx: CommandContext, id: string): Promise<ProcessDefinitionEntity> {
  const definition = await ctx.uow.get('processDefinition', id);
  if (!definition) throw engineError('restNotFoundFromEngine', `No matching definition with id ${id}`);
  return definition;
}

/**
 * The latest version of a key for one tenant, or among definitions without tenant when
 * `tenantId` is null (Camunda's `/process-definition/key/{key}` uses `withoutTenantId`).
 */
export async function latestProcessDefinition(ctx: CommandContext, key: string, tenantId: string | null = null): Promise<ProcessDefinitionEntity> {
  const [found] = await ctx.uow.find('processDefinition', {
    where: where.and<PD>(where.eq<PD>('key', key), where.eq<PD>('tenantId', tenantId), latestVersionOnly),
  });
  if (!found) {
    const suffix = tenantId === null ? 'and no tenant-id' : `and tenant-id: ${tenantId}`;
    throw engineError('restExceptionNotFound', `No matching process definition with key: ${key} ${suffix}`);
  }
  return found;
}
