import type { CommandContext } from '../../command/CommandContext.js';
import { engineError } from '../../errors/EngineError.js';
import { SUSPENSION_ACTIVE, SUSPENSION_SUSPENDED, type ProcessDefinitionEntity } from '../../persistence/ports/entities.js';
import { where, type Condition } from '../../persistence/ports/query.js';
import { sameRowFilters, rowFilter, tenantFilters, type Filters, type RowFilter } from '../query/filterGroups.js';
import { filter, type QueryDefinition } from '../query/QueryDefinition.js';

type PD = 'processDefinition';

/** No newer version of the same key and tenant exists (Camunda's `latestVersion`). */
export const latestVersionOnly: Condition<PD> = {
  kind: 'exists', entity: 'processDefinition', negate: true,
  link: [['key', 'key'], ['tenantId', 'tenantId', 'is'], ['version', 'version', '>']],
  where: { kind: 'true' },
};

const deployedWhen = (op: '>' | '=') => filter.custom<PD, Date>('date', (v) => ({
  kind: 'exists', entity: 'deployment', link: [['id', 'deploymentId']], where: where.cmp<'deployment'>('deploymentTime', op, v),
}));

function withLink(condition: Condition<'identityLink'>): Condition<PD> {
  return { kind: 'exists', entity: 'identityLink', link: [['processDefinitionId', 'id']], where: condition };
}

/**
 * Camunda's startableByUser with authorization disabled: an identity link of the definition names
 * the user, or one of the user's groups. m8flow has no identity service to look groups up, so the
 * groups are known only for the authenticated caller asking about itself.
 */
function startableBy(userId: string, ctx: CommandContext): Condition<PD> {
  const groups = ctx.auth.userId === userId ? ctx.auth.groupIds : [];
  const byUser = withLink(where.eq<'identityLink'>('userId', userId));
  return groups.length === 0 ? byUser : where.or<PD>(byUser, withLink(where.in<'identityLink'>('groupId', groups)));
}

/** Filters that need no other filter of the request. */
const SIMPLE_FILTERS: QueryDefinition<PD>['filters'] = {
  processDefinitionId: filter.eq('id'),
  processDefinitionIdIn: filter.in('id'),
  name: filter.eq('name'),
  // Camunda compares nameLike case-insensitively (CAM-8014).
  nameLike: filter.custom<PD, string>('string', (v) => where.upper<PD>('name', 'like', v)),
  deploymentId: filter.eq('deploymentId'),
  deployedAfter: deployedWhen('>'),
  deployedAt: deployedWhen('='),
  key: filter.eq('key'),
  keysIn: filter.in('key'),
  keyLike: filter.like('key'),
  category: filter.eq('category'),
  categoryLike: filter.like('category'),
  version: filter.int('version'),
  latestVersion: filter.flag(latestVersionOnly),
  resourceName: filter.eq('resourceName'),
  resourceNameLike: filter.like('resourceName'),
  startableBy: filter.custom<PD, string>('string', (v, ctx) => startableBy(v, ctx)),
  active: filter.flag(where.eq('suspensionState', SUSPENSION_ACTIVE)),
  suspended: filter.flag(where.eq('suspensionState', SUSPENSION_SUSPENDED)),
  versionTag: filter.eq('versionTag'),
  versionTagLike: filter.like('versionTag'),
  withoutVersionTag: filter.flag(where.isNull('versionTag')),
  startableInTasklist: filter.flag(where.eq('startableInTasklist', true)),
  notStartableInTasklist: filter.flag(where.eq('startableInTasklist', false)),
  // Only narrows with authorization enabled (CREATE_INSTANCE permission); m8flow has none yet.
  startablePermissionCheck: filter.flag({ kind: 'true' }),
};

/** Camunda joins one ACT_RU_INCIDENT row of the definition for all incident filters. */
const INCIDENT_FILTERS: Record<string, RowFilter<'incident'>> = {
  incidentId: rowFilter<'incident', string>('string', (v) => where.eq('id', v)),
  incidentType: rowFilter<'incident', string>('string', (v) => where.eq('incidentType', v)),
  incidentMessage: rowFilter<'incident', string>('string', (v) => where.eq('incidentMessage', v)),
  incidentMessageLike: rowFilter<'incident', string>('string', (v) => where.cmp('incidentMessage', 'like', v)),
};

const withIncident = (condition: Condition<'incident'>): Condition<PD> =>
  ({ kind: 'exists', entity: 'incident', link: [['processDefinitionId', 'id']], where: condition });

/** GET /process-definition filters and sort keys (Camunda's ProcessDefinitionQueryDto) for one request. */
export function processDefinitionQueryFor(filters: Filters): QueryDefinition<PD> {
  return {
    entity: 'processDefinition',
    filters: {
      ...SIMPLE_FILTERS,
      ...tenantFilters<PD>(filters, 'tenantId', 'includeProcessDefinitionsWithoutTenantId'),
      ...sameRowFilters<PD, 'incident'>(filters, INCIDENT_FILTERS, withIncident),
    },
    sorts: {
      category: 'category', key: 'key', id: 'id', name: 'name', version: 'version', deploymentId: 'deploymentId',
      deployTime: 'deploymentTime', tenantId: 'tenantId', versionTag: 'versionTag',
    },
  };
}

/** The query's shape (filter kinds, sort keys) for request parsing. */
export const processDefinitionQuery: QueryDefinition<PD> = processDefinitionQueryFor({});

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
