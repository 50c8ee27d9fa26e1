import type { FilterKind, QueryDescriptor, QueryRequest, Sorting, VariableFilter } from '../../api.js';
import { engineError, parseDate } from '../../api.js';
import { restError } from '../errors.js';

/** How a query's REST DTO reads its input where Camunda's DTOs differ from each other. */
export interface QueryParseOptions {
  /**
   * Camunda's VariableListConverter keeps values of GET variable filters as text (a date in
   * Camunda's format aside), so `amount_gt_5` compares a String; this is the default. `false`
   * reads them as JSON numbers and booleans instead.
   */
  textVariableValues?: boolean;
  /**
   * Camunda's AbstractQueryDto with a POST `sorting` list: an unknown `sortBy` adds no ordering,
   * and every `sortOrder` must follow an ordering (NotValidException otherwise).
   */
  camundaSorting?: boolean;
  /** The `sortBy` values a GET query or a POST body's own `sortBy` accepts; default: all of the descriptor's. */
  parameterSortBy?: readonly string[];
}

/** Camunda's REST date format at the start of a text (SimpleDateFormat parses a prefix). */
const CAMUNDA_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:?\d{2}/;

/**
 * ConditionQueryParameterDto.resolveValue: a string in Camunda's date format is a Date; anything
 * else stays as it is.
 */
export function resolveVariableValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = CAMUNDA_DATE.exec(value);
  return (match && parseDate(match[0])) ?? value;
}

function invalid(key: string, value: string, reason?: string): Error {
  return restError(400, `Cannot set query parameter '${key}' to value '${value}'${reason ? `: ${reason}` : ''}`);
}

/**
 * Camunda's `name_op_value,…` list (VariableListConverter); values are read as JSON when they
 * parse, or (with `text`, as Camunda does) kept as text; dates in Camunda's format become Dates.
 */
export function parseVariableFilters(text: string, textValues = false): VariableFilter[] {
  return text.split(',').map((expression) => {
    const parts = expression.split('_');
    if (parts.length !== 3) throw restError(400, 'variable query parameter has to have format KEY_OPERATOR_VALUE.');
    const [name, operator, raw] = parts as [string, string, string];
    return { name, operator, value: textValues ? resolveVariableValue(raw) : jsonOrString(raw) };
  });
}

function jsonOrString(raw: string): unknown {
  if (raw === 'true' || raw === 'false' || raw === 'null' || /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) return JSON.parse(raw);
  return resolveVariableValue(raw);
}

/** Converts one query-string value by the filter's kind, with Camunda's error text on failure. */
export function parseValue(key: string, kind: FilterKind, value: string, options: QueryParseOptions = {}): unknown {
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
        return parseVariableFilters(value, options.textVariableValues !== false);
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
function sortingOf(sortBy: unknown, sortOrder: unknown, descriptor: QueryDescriptor, valid: readonly string[] = descriptor.sortBy): Sorting[] {
  if (sortBy !== undefined && (typeof sortBy !== 'string' || !valid.includes(sortBy))) {
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
  extra: Readonly<Record<string, FilterKind>> = {}, options: QueryParseOptions = {}): QueryRequest {
  const filters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    const kind = descriptor.filters[key] ?? extra[key];
    if (kind) filters[key] = parseValue(key, kind, value, options);
  }
  const sorting = sortingOf(query['sortBy'], query['sortOrder'], descriptor, options.parameterSortBy);
  return { filters, sorting, ...paging(query) };
}

/** Variable filter entries of a JSON body, their values resolved as Camunda's DTO does. */
function bodyVariables(entries: unknown[]): VariableFilter[] {
  return entries.map((entry) => {
    const e = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
    return { name: e['name'] as string, operator: e['operator'] as string, value: resolveVariableValue(e['value'] ?? null) };
  });
}

function bodyValue(key: string, kind: FilterKind, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (kind === 'date' && typeof value === 'string') return parseValue(key, kind, value);
  if (kind === 'stringList' && typeof value === 'string') return value.split(',');
  if (kind === 'variables' && Array.isArray(value)) return bodyVariables(value);
  if (kind === 'boolean' && typeof value !== 'boolean') throw restError(400, `Cannot set query parameter '${key}' to value '${String(value)}'`);
  return value;
}

/** A `sorting` entry while Camunda applies the list: the order may still be missing. */
type PendingSorting = Omit<Sorting, 'sortOrder'> & { sortOrder?: 'asc' | 'desc' };

function notValid(message: string): Error {
  return engineError('notValid', message);
}

/**
 * AbstractQueryDto.applySortingOptions for a `sorting` list: each entry orders by a known key
 * (unknown ones add nothing) and then sets the direction of the last ordering, as
 * AbstractQuery.asc()/desc() and checkQueryOk() check it.
 */
function camundaSortingList(entries: readonly unknown[], known: readonly string[], before: readonly Sorting[]): Sorting[] {
  const result: PendingSorting[] = [...before];
  for (const entry of entries) {
    const e = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
    const { sortBy, sortOrder, parameters } = e;
    if (typeof sortBy === 'string' && known.includes(sortBy)) {
      result.push({ sortBy, ...(parameters && typeof parameters === 'object' ? { parameters: parameters as Record<string, unknown> } : {}) });
    }
    if (sortOrder !== 'asc' && sortOrder !== 'desc') continue;
    const last = result[result.length - 1];
    if (!last) throw notValid('You should call any of the orderBy methods first before specifying a direction: currentOrderingProperty is null');
    if (last.sortOrder) throw notValid('Invalid query: can specify only one direction desc() or asc() for an ordering constraint: direction is not null');
    last.sortOrder = sortOrder;
  }
  if (result.some((s) => !s.sortOrder)) throw notValid('Invalid query: call asc() or desc() after using orderByXX(): direction is null');
  return result as Sorting[];
}

/** A POST query body (JSON, with `sorting` array) plus paging from the query string → QueryRequest. */
export function queryFromBody(body: unknown, query: Readonly<Record<string, string>>, descriptor: QueryDescriptor,
  passThrough: string[] = [], options: QueryParseOptions = {}): QueryRequest {
  const dto = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const filters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dto)) {
    const kind = descriptor.filters[key];
    if (kind) {
      const parsed = bodyValue(key, kind, value);
      if (parsed !== undefined) filters[key] = parsed;
    } else if (passThrough.includes(key)) filters[key] = value;
  }
  if (options.camundaSorting) {
    const own = sortingOf(dto['sortBy'] ?? undefined, dto['sortOrder'] ?? undefined, descriptor, options.parameterSortBy);
    const list = Array.isArray(dto['sorting']) ? dto['sorting'] : [];
    return { filters, sorting: camundaSortingList(list, descriptor.sortBy, own), ...paging(query) };
  }
  const sorting: Sorting[] = [];
  if (Array.isArray(dto['sorting'])) {
    for (const entry of dto['sorting'] as Record<string, unknown>[]) sorting.push(...sortingOf(entry['sortBy'], entry['sortOrder'] ?? 'asc', descriptor));
  } else if (dto['sortBy'] !== undefined || dto['sortOrder'] !== undefined) {
    sorting.push(...sortingOf(dto['sortBy'], dto['sortOrder'], descriptor));
  }
  return { filters, sorting, ...paging(query) };
}
