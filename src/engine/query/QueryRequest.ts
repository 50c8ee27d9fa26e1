/**
 * Camunda-style queries as the engine API accepts them: named filters (Camunda's query
 * parameter names), sorting, and paging. The REST layer turns query strings or JSON bodies into
 * this shape using each query's descriptor.
 */

/** How a filter's value is given: the REST layer parses strings by this kind. */
export type FilterKind = 'string' | 'stringList' | 'boolean' | 'integer' | 'date' | 'variables';

/** Camunda's `processVariables=name_op_value` filter entry. */
export interface VariableFilter {
  name: string;
  operator: string;
  value: unknown;
}

export interface Sorting {
  sortBy: string;
  sortOrder: 'asc' | 'desc';
  parameters?: Record<string, unknown>;
}

export interface QueryRequest {
  filters: Readonly<Record<string, unknown>>;
  sorting: readonly Sorting[];
  firstResult?: number | undefined;
  maxResults?: number | undefined;
}

export interface QueryDescriptor {
  readonly filters: Readonly<Record<string, FilterKind>>;
  readonly sortBy: readonly string[];
}

export function emptyQuery(filters: Record<string, unknown> = {}): QueryRequest {
  return { filters, sorting: [] };
}
