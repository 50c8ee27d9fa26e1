/**
 * The sort keys of Camunda's TaskQueryDto. The variable sorts (`sorting` entries of a POST body
 * with `parameters: {variable, type}`) order by the variable's value column for the given type,
 * as VariableOrderProperty does: LOWER(TEXT_) for String, LONG_ for Integer, Short, Long, Date and
 * Boolean, DOUBLE_ for Double. Case sorts order by a column that is null on every m8flow task.
 */
import type { Sorting } from '../../engine/query/QueryRequest.js';
import { engineError } from '../../errors/EngineError.js';
import type { OrderBy, RelatedOrder } from '../../persistence/ports/query.js';
import { where } from '../../persistence/ports/query.js';
import type { SortDef } from '../query/QueryDefinition.js';

type T = 'task';

/** Camunda's value types by name (ValueTypeResolver, with Spin's json and xml). */
const VALUE_TYPES = new Set(['boolean', 'bytes', 'date', 'double', 'file', 'integer', 'json', 'long', 'null', 'number',
  'object', 'short', 'string', 'xml']);

/** The column VariableOrderProperty.typeToQueryProperty picks for an orderable type. */
const ORDER_COLUMNS: Readonly<Record<string, 'textValue' | 'longValue' | 'doubleValue'>> = {
  string: 'textValue', integer: 'longValue', short: 'longValue', date: 'longValue', boolean: 'longValue',
  long: 'longValue', double: 'doubleValue',
};

/** VariableValueDto.fromRestApiTypeName: only the first letter is lower-cased ("String" → "string"). */
function valueTypeName(type: unknown): string | null {
  if (typeof type !== 'string' || type === '') return null;
  const name = type.charAt(0).toLowerCase() + type.slice(1);
  return VALUE_TYPES.has(name) ? name : null;
}

/** Which variable rows belong to a task for each variable sort (VariableOrderProperty.for…). */
const VARIABLE_LINKS = {
  processVariable: [['executionId', 'processInstanceId']],
  executionVariable: [['executionId', 'executionId']],
  taskVariable: [['taskId', 'id']],
  // CASE_EXECUTION_ID_ = RES.CASE_INST_ID_ / CASE_EXECUTION_ID_: null on every m8flow task.
  caseInstanceVariable: null,
  caseExecutionVariable: null,
} as const satisfies Record<string, RelatedOrder<T>['related']['link'] | null>;

/** A variable sort: checks `parameters` as TaskQueryImpl.orderBy…Variable does, then orders by the value column. */
function variableSort(kind: keyof typeof VARIABLE_LINKS): SortDef<T> {
  return (sorting: Sorting): OrderBy<T>[] => {
    const parameters = sorting.parameters ?? {};
    const variable = parameters['variable'];
    const type = valueTypeName(parameters['type']);
    if (typeof variable !== 'string') throw engineError('nullValue', 'variableName is null');
    if (type === null) throw engineError('nullValue', 'valueType is null');
    const field = ORDER_COLUMNS[type];
    if (field === undefined) throw engineError('processEngine', `Cannot order by variables of type ${type}`);
    const link = VARIABLE_LINKS[kind];
    if (link === null) return [];
    const related = { entity: 'variable' as const, field, link, where: where.and<'variable'>(where.eq('name', variable), where.eq('type', type)) };
    return [{ related, direction: sorting.sortOrder, lower: field === 'textValue' }];
  };
}

/** A sort by a column m8flow does not have (always null): it adds no ORDER BY term. */
const nullColumn: SortDef<T> = () => [];

/** Sort keys valid as GET `sortBy` (TaskQueryDto.VALID_SORT_BY_VALUES). */
export const TASK_SORT_BY = [
  'instanceId', 'caseInstanceId', 'dueDate', 'followUpDate', 'executionId', 'caseExecutionId', 'assignee', 'created',
  'lastUpdated', 'description', 'id', 'name', 'nameCaseInsensitive', 'priority', 'tenantId',
] as const;

/** Every sort of the task query: the GET keys plus the variable sorts of POST `sorting` entries. */
export const TASK_SORTS: Record<string, SortDef<T>> = {
  instanceId: 'processInstanceId',
  caseInstanceId: nullColumn,
  dueDate: 'dueDate',
  followUpDate: 'followUpDate',
  executionId: 'executionId',
  caseExecutionId: nullColumn,
  assignee: 'assignee',
  created: 'createTime',
  lastUpdated: 'lastUpdated',
  description: 'description',
  id: 'id',
  name: 'name',
  nameCaseInsensitive: (s) => [{ field: 'name', direction: s.sortOrder, lower: true }],
  priority: 'priority',
  tenantId: 'tenantId',
  processVariable: variableSort('processVariable'),
  executionVariable: variableSort('executionVariable'),
  taskVariable: variableSort('taskVariable'),
  caseInstanceVariable: variableSort('caseInstanceVariable'),
  caseExecutionVariable: variableSort('caseExecutionVariable'),
};
