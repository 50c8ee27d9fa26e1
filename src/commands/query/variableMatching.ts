import type { VariableFilter } from '../../engine/query/QueryRequest.js';
import type { EntityName, FieldOf } from '../../persistence/ports/entities.js';
import { where, type Condition } from '../../persistence/ports/query.js';
import type { Filters } from './filterGroups.js';
import { variableValueCondition } from './QueryDefinition.js';

/** Camunda's matchVariableNamesIgnoreCase / matchVariableValuesIgnoreCase of a query. */
export interface VariableMatchOptions {
  readonly namesIgnoreCase: boolean;
  readonly valuesIgnoreCase: boolean;
}

/** The flags `variableNamesIgnoreCase` / `variableValuesIgnoreCase` of a request. */
export function variableMatchOptions(filters: Filters): VariableMatchOptions {
  return { namesIgnoreCase: filters['variableNamesIgnoreCase'] === true, valuesIgnoreCase: filters['variableValuesIgnoreCase'] === true };
}

/**
 * The operators ProcessInstanceQueryDto and HistoricProcessInstanceQueryDto accept for `variables`
 * (no notLike: anything else is "Invalid variable comparator specified").
 */
const INSTANCE_QUERY_OPERATORS: readonly string[] = ['eq', 'neq', 'gt', 'gteq', 'lt', 'lteq', 'like'];

/** A variable row matching one `name_op_value` filter of an instance query, honouring the ignore-case flags. */
export function matchVariable(f: VariableFilter, options: VariableMatchOptions): Condition<'variable'> {
  return variableValueCondition(f, { ...options, operators: INSTANCE_QUERY_OPERATORS });
}

/** Camunda's `UPPER(field) = UPPER(value)`. */
export function equalsIgnoreCase<N extends EntityName>(field: FieldOf<N>, value: string): Condition<N> {
  return where.upper<N>(field, '=', value);
}
