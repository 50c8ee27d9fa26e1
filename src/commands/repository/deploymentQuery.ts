import { engineError } from '../../errors/EngineError.js';
import { where } from '../../persistence/ports/query.js';
import { tenantFilters, type Filters } from '../query/filterGroups.js';
import { filter, type QueryDefinition } from '../query/QueryDefinition.js';

type D = 'deployment';

/** Filters that need no other filter of the request. */
const SIMPLE_FILTERS: QueryDefinition<D>['filters'] = {
  id: filter.eq('id'),
  name: filter.eq('name'),
  nameLike: filter.like('name'),
  withoutSource: filter.flag(where.isNull('source')),
  after: filter.date('deploymentTime', '>'),
  before: filter.date('deploymentTime', '<'),
};

/**
 * GET /deployment filters and sort keys (Camunda's DeploymentQueryDto) for one request:
 * `includeDeploymentsWithoutTenantId` widens `tenantIdIn`, and `source` refuses `withoutSource`.
 */
export function deploymentQueryFor(filters: Filters): QueryDefinition<D> {
  return {
    entity: 'deployment',
    filters: {
      ...SIMPLE_FILTERS,
      source: filter.custom<D, string>('string', (v) => {
        if (filters['withoutSource'] === true) {
          throw engineError('invalidRequest', 'The query parameters "withoutSource" and "source" cannot be used in combination.');
        }
        return where.eq('source', v);
      }),
      ...tenantFilters<D>(filters, 'tenantId', 'includeDeploymentsWithoutTenantId'),
    },
    sorts: { id: 'id', name: 'name', deploymentTime: 'deploymentTime', tenantId: 'tenantId' },
  };
}

/** The query's shape (filter kinds, sort keys) for request parsing. */
export const deploymentQuery: QueryDefinition<D> = deploymentQueryFor({});
