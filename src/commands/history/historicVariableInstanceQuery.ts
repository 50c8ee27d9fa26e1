import { engineError } from '../../errors/EngineError.js';
import { where, type Condition } from '../../persistence/ports/query.js';
import { isPresent, matchesNothing, tenantFilters, type Filters } from '../query/filterGroups.js';
import { filter, type QueryDefinition } from '../query/QueryDefinition.js';
import { equalsIgnoreCase, variableMatchOptions } from '../query/variableMatching.js';

type HVI = 'historicVariableInstance';

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** Filters that need no other filter of the request. */
const SIMPLE_FILTERS: QueryDefinition<HVI>['filters'] = {
  variableNameIn: filter.in('name'),
  // Camunda compares lower(VAR_TYPE_) with the lower-cased names.
  variableTypeIn: filter.custom<HVI, string[]>('stringList', (types) => (types.length === 0 ? undefined
    : where.in<HVI>('type', types.map((t) => t.toLowerCase())))),
  processInstanceId: filter.eq('processInstanceId'),
  processInstanceIdIn: filter.in('processInstanceId'),
  processDefinitionId: filter.eq('processDefinitionId'),
  processDefinitionKey: filter.eq('processDefinitionKey'),
  executionIdIn: filter.in('executionId'),
  taskIdIn: filter.in('taskId'),
  activityInstanceIdIn: filter.in('activityInstanceId'),
  includeDeleted: filter.flag({ kind: 'true' }),
  // CMMN is not supported: no historic variable belongs to a case instance, execution or activity.
  caseInstanceId: matchesNothing('string'),
  caseExecutionIdIn: matchesNothing('stringList'),
  caseActivityIdIn: matchesNothing('stringList'),
  variableNamesIgnoreCase: filter.flag({ kind: 'true' }),
  variableValuesIgnoreCase: filter.flag({ kind: 'true' }),
};

/**
 * Camunda's variableValueEquals(name, value) on the historic row. The value is untyped, so its
 * Java type picks one serializer: a string is a `string` (TEXT_), a JSON integer an `integer`, or a
 * `long` beyond int range (LONG_), a fraction a `double` (DOUBLE_), a boolean a `boolean` (LONG_ 1/0).
 * Query strings always give strings. JSON objects and arrays match nothing here: Camunda would
 * compare only the serialized object's type name.
 */
export function historicValueCondition(value: unknown, valuesIgnoreCase: boolean): Condition<HVI> {
  const typed = (type: string, condition: Condition<HVI>) => where.and<HVI>(where.eq('type', type), condition);
  if (typeof value === 'string') {
    return typed('string', valuesIgnoreCase ? equalsIgnoreCase<HVI>('textValue', value) : where.eq('textValue', value));
  }
  if (typeof value === 'boolean') return typed('boolean', where.eq('longValue', value ? 1 : 0));
  if (typeof value === 'number' && Number.isInteger(value)) {
    return typed(value >= INT_MIN && value <= INT_MAX ? 'integer' : 'long', where.eq('longValue', value));
  }
  if (typeof value === 'number') return typed('double', where.eq('doubleValue', value));
  return { kind: 'false' };
}

/** Name filters and the value filter, which read the ignore-case flags and the name. */
function nameAndValueFilters(filters: Filters): QueryDefinition<HVI>['filters'] {
  const options = variableMatchOptions(filters);
  return {
    variableName: filter.custom<HVI, string>('string', (v) => (options.namesIgnoreCase ? equalsIgnoreCase<HVI>('name', v) : where.eq('name', v))),
    variableNameLike: filter.custom<HVI, string>('string', (v) => (options.namesIgnoreCase ? where.upper<HVI>('name', 'like', v) : where.cmp<HVI>('name', 'like', v))),
    variableValue: filter.custom<HVI, unknown>('string', (v) => {
      if (!isPresent(filters['variableName'])) {
        throw engineError('invalidRequest', 'Only a single variable value parameter specified: variable name and value are required '
          + 'to be able to query after a specific variable value.');
      }
      return historicValueCondition(v, options.valuesIgnoreCase);
    }),
  };
}

/** GET/POST /history/variable-instance (Camunda's HistoricVariableInstanceQueryDto) for one request. */
export function historicVariableInstanceQueryFor(filters: Filters): QueryDefinition<HVI> {
  return {
    entity: 'historicVariableInstance',
    filters: { ...SIMPLE_FILTERS, ...nameAndValueFilters(filters), ...tenantFilters<HVI>(filters, 'tenantId') },
    sorts: { instanceId: 'processInstanceId', variableName: 'name', tenantId: 'tenantId' },
  };
}

/** The query's shape (filter kinds, sort keys) for request parsing. */
export const historicVariableInstanceQuery: QueryDefinition<HVI> = historicVariableInstanceQueryFor({});
