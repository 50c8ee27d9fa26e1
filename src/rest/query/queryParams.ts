import type { FilterKind, QueryDescriptor, QueryRequest, Sorting, VariableFilter } from '../../api.js';
import { parseDate } from '../../api.js';
import { restError } from '../errors.js';

function invalid(key: string, value: string, reason?: string): Error {
  return restError(400, `Cannot set query parameter '${key}' to value '${value}'${reason ? `: ${reason}` : ''}`);
}

/** Camunda's `name_op_value,…` list (VariableListConverter); values are read as JSON when they parse. */
export function parseVariableFilters(text: string): VariableFilter[] {
  return text.split(',').map((expression) => {
    const parts = expression.split('_');
    if (parts.length !== 3) throw restError(400, 'variable query parameter has to have format KEY_OPERATOR_VALUE.');
    const [name, operator, raw] = parts as [string, string, string];
    return { name, operator, value: jsonOrString(raw) };
  });
}

function jsonOrString(raw: string): unknown {
  if (raw === 'true' || raw === 'false' || raw === 'null' || /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) return JSON.parse(raw);
  return raw;
}

/** Converts one query-string value by the filter's kind, with Camunda's error text on failure. */
export function parseValue(key: string, kind: FilterKind, value: string): unknown {
  switch (kind) {
    case 'string': return value;
    case 'stringList': return value.split(',');
    case 'boolean':
      if (value === 'true') return true;
      if (value === 'false') return false;
      throw invalid(key, value, `Cannot convert value ${value} to java type java.lang.Boolean`);
    case 'integer':
      if (!/^-?\d+$/.test(value.trim())) throw invalid(key, value, `Cannot convert value ${value} to java type java.lang.Integer`);
      return Number(value);
    case 'date': {
      const date = parseDate(value);
      if (!date) throw invalid(key, value, `Cannot convert value "${value}" to java type java.util.Date`);
      return date;
    }
    case 'variables':
      try {
        return parseVariableFilters(value);
      } catch (error) {
        throw invalid(key, value, error instanceof Error ? error.message : undefined);
      }
  }
}

function paging(query: Readonly<Record<string, string>>): Pick<QueryRequest, 'firstResult' | 'maxResults'> {
  const result: { firstResult?: number; maxResults?: number } = {};
  for (const key of ['firstResult', 'maxResults'] as const) {
    const raw = query[key];
    if (raw === undefined || raw === '') continue;
    if (!/^-?\d+$/.test(raw)) throw invalid(key, raw);
    result[key] = Number(raw);
  }
  return result;
}

/**
 * Camunda's sortBy/sortOrder pair: both or neither. An invalid value fails in the DTO setter,
 * which Camunda reports as "Cannot set query parameter 'sortBy' to value 'x'" (no reason).
 */
function sortingOf(sortBy: unknown, sortOrder: unknown, descriptor: QueryDescriptor): Sorting[] {
  if (sortBy !== undefined && (typeof sortBy !== 'string' || !descriptor.sortBy.includes(sortBy))) {
    throw invalid('sortBy', String(sortBy));
  }
  if (sortOrder !== undefined && sortOrder !== 'asc' && sortOrder !== 'desc') {
    throw invalid('sortOrder', String(sortOrder));
  }
  if (sortBy === undefined && sortOrder === undefined) return [];
  if (sortBy === undefined || sortOrder === undefined) {
    throw restError(400, 'Only a single sorting parameter specified. sortBy and sortOrder required');
  }
  return [{ sortBy: sortBy as string, sortOrder: sortOrder as 'asc' | 'desc' }];
}

/**
 * A GET list/count query string → QueryRequest. Unknown parameters are ignored, as in Camunda;
 * `extra` names parameters the engine reads besides the descriptor's filters (e.g. flags that
 * widen a filter, like includeProcessDefinitionsWithoutTenantId).
 */
export function queryFromParams(query: Readonly<Record<string, string>>, descriptor: QueryDescriptor,
  extra: Readonly<Record<string, FilterKind>> = {}): QueryRequest {
  const filters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    const kind = descriptor.filters[key] ?? extra[key];
    if (kind) filters[key] = parseValue(key, kind, value);
  }
  return { filters, sorting: sortingOf(query['sortBy'], query['sortOrder'], descriptor), ...paging(query) };
}

function bodyValue(key: string, kind: FilterKind, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (kind === 'date' && typeof value === 'string') return parseValue(key, kind, value);
  if (kind === 'stringList' && typeof value === 'string') return value.split(',');
  if (kind === 'variables' && Array.isArray(value)) return value as VariableFilter[];
  if (kind === 'boolean' && typeof value !== 'boolean') throw restError(400, `Cannot set query parameter '${key}' to value '${String(value)}'`);
  return value;
}

/** A POST query body (JSON, with `sorting` array) plus paging from the query string → QueryRequest. */
export function queryFromBody(body: unknown, query: Readonly<Record<string, string>>, descriptor: QueryDescriptor, passThrough: string[] = []): QueryRequest {
  const dto = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const filters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dto)) {
    const kind = descriptor.filters[key];
    if (kind) {
      const parsed = bodyValue(key, kind, value);
      if (parsed !== undefined) filters[key] = parsed;
    } else if (passThrough.includes(key)) filters[key] = value;
  }
  const sorting: Sorting[] = [];
  if (Array.isArray(dto['sorting'])) {
    for (const entry of dto['sorting'] as Record<string, unknown>[]) sorting.push(...sortingOf(entry['sortBy'], entry['sortOrder'] ?? 'asc', descriptor));
  } else if (dto['sortBy'] !== undefined || dto['sortOrder'] !== undefined) {
    sorting.push(...sortingOf(dto['sortBy'], dto['sortOrder'], descriptor));
  }
  return { filters, sorting, ...paging(query) };
}
