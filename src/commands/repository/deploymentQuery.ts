import { where } from '../../persistence/ports/query.js';
import { filter, type QueryDefinition } from '../query/QueryDefinition.js';

/** GET /deployment filters and sort keys (Camunda's DeploymentQueryDto). */
export const deploymentQuery: QueryDefinition<'deployment'> = {
  entity: 'deployment',
  filters: {
    id: filter.eq('id'),
    name: filter.eq('name'),
    nameLike: filter.like('name'),
    source: filter.custom<'deployment', string>('string', (v) => where.eq('source', v)),
    withoutSource: filter.flag(where.isNull('source')),
    tenantIdIn: filter.in('tenantId'),
    withoutTenantId: filter.flag(where.isNull('tenantId')),
    after: filter.date('deploymentTime', '>'),
    before: filter.date('deploymentTime', '<'),
  },
  sorts: { id: 'id', name: 'name', deploymentTime: 'deploymentTime', tenantId: 'tenantId' },
};
