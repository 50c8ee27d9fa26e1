import type { QueryDescriptor, QueryRequest } from '../../api.js';
import { queryFromBody } from '../query/queryParams.js';

/**
 * A POST query body (plus paging from the query string) with Camunda's `orQueries`: each entry
 * is parsed like a query of its own and handed to the engine as the `orQueries` filter.
 */
export function postedQueryWithOr(body: unknown, query: Readonly<Record<string, string>>, descriptor: QueryDescriptor): QueryRequest {
  const request = queryFromBody(body, query, descriptor);
  const orQueries = body && typeof body === 'object' ? (body as Record<string, unknown>)['orQueries'] : undefined;
  if (!Array.isArray(orQueries)) return request;
  const parsed = orQueries.map((entry) => {
    // Camunda applies only an entry's filters: its sorting and nested orQueries are ignored.
    const filters = { ...(entry && typeof entry === 'object' ? entry as Record<string, unknown> : {}) };
    for (const key of ['sorting', 'sortBy', 'sortOrder', 'orQueries']) delete filters[key];
    return queryFromBody(filters, {}, descriptor).filters;
  });
  return { ...request, filters: { ...request.filters, orQueries: parsed } };
}
