/**
 * Camunda's variable filters (`QueryVariableValue` and the SQL snippet `variableValueConditions`
 * of its Commons.xml mapping): the value becomes one or more typed conditions on the variable's
 * value columns, OR-ed; `neq` and `notLike` negate that disjunction as a whole, so they also
 * match variables of the name holding another type. The REST DTOs pass `like` values through
 * `String.valueOf`, which this module reproduces too.
 */
import type { VariableFilter } from '../../engine/query/QueryRequest.js';
import { engineError } from '../../errors/EngineError.js';
import { formatDate, formatNumber } from '../../expression/el/javaText.js';
import { where, type CompareOp, type Condition } from '../../persistence/ports/query.js';

type V = 'variable';

/** How variable filters of one query match, and how its DTO reports bad input. */
export interface VariableConditionOptions {
  /** Camunda's matchVariableNamesIgnoreCase: `UPPER(NAME_) = UPPER(?)`. */
  readonly namesIgnoreCase?: boolean;
  /** Camunda's matchVariableValuesIgnoreCase: upper-cases string values on both sides. */
  readonly valuesIgnoreCase?: boolean;
  /** Operators the query's DTO accepts; default all eight (eq … notLike). */
  readonly operators?: readonly string[];
  /** The DTO's message for another operator, followed by the operator; default "Invalid variable comparator specified: ". */
  readonly invalidOperatorMessage?: string;
  /**
   * The exception for a null or boolean value with an ordering or like operator: ProcessEngineException
   * in task queries, NotValidException in the other variable queries (the default).
   */
  readonly invalidValueError?: 'processEngine' | 'notValid';
}

const SQL_OPS: Readonly<Record<string, CompareOp>> = {
  eq: '=', neq: '=', gt: '>', gteq: '>=', lt: '<', lteq: '<=', like: 'like', notLike: 'like',
};

const OPERATOR_WORDS: Readonly<Record<string, string>> = {
  gt: 'greater than', gteq: 'greater than or equal', lt: 'less than', lteq: 'less than or equal', like: 'like', notLike: 'not like',
};

const INT16 = 2 ** 15;
const INT32 = 2 ** 31;
const INT64 = 2 ** 63;

/** `String.valueOf` of a value as Camunda's REST layer resolved it (numbers are NumberValues there). */
function javaValueOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return `Value '${formatNumber(value)}' of type 'PrimitiveValueType[number]', isTransient=false`;
  if (value instanceof Date) return formatDate(value);
  return String(value);
}

/** Value columns all empty: Camunda's condition for a null value (of any type). */
function nullValue(): Condition<V> {
  return where.and<V>(where.isNull('textValue'), where.isNull('textValue2'), where.isNull('longValue'),
    where.isNull('doubleValue'), where.isNull('bytesValue'));
}

/** `TYPE_ = t and COLUMN is not null and COLUMN op value` (explicit, so a negation stays two-valued). */
function typed(type: string, column: 'longValue' | 'doubleValue', op: CompareOp, value: number): Condition<V> {
  return where.and<V>(where.eq('type', type), where.isNull(column, true), where.cmp(column, op, value));
}

/** Camunda's composite condition for a number: every numeric type that holds it unchanged. */
function numberConditions(op: CompareOp, n: number): Condition<V>[] {
  const result: Condition<V>[] = [];
  if (Number.isInteger(n)) {
    if (n >= -INT16 && n < INT16) result.push(typed('short', 'longValue', op, n));
    if (n >= -INT32 && n < INT32) result.push(typed('integer', 'longValue', op, n));
    if (n >= -INT64 && n < INT64) result.push(typed('long', 'longValue', op, n));
  }
  result.push(typed('double', 'doubleValue', op, n));
  return result;
}

function stringCondition(op: CompareOp, text: string, ignoreCase: boolean): Condition<V> {
  const compare = ignoreCase ? where.upper<V>('textValue', op, text) : where.cmp<V>('textValue', op, text);
  return where.and<V>(where.eq('type', 'string'), where.isNull('textValue', true), compare);
}

/** The disjunction of typed conditions for one value (before a `neq`/`notLike` negation). */
function valueConditions(operator: string, value: unknown, options: VariableConditionOptions): Condition<V>[] {
  const op = SQL_OPS[operator] as CompareOp;
  if (value === null || value === undefined || typeof value === 'boolean') {
    const word = OPERATOR_WORDS[operator];
    if (word !== undefined) throw engineError(options.invalidValueError ?? 'notValid', `Booleans and null cannot be used in '${word}' condition`);
    return [value === null || value === undefined ? nullValue() : typed('boolean', 'longValue', op, value ? 1 : 0)];
  }
  if (value instanceof Date) return [typed('date', 'longValue', op, value.getTime())];
  if (typeof value === 'number') return numberConditions(op, value);
  if (typeof value === 'string') return [stringCondition(op, value, options.valuesIgnoreCase === true)];
  throw engineError('processEngine', 'Object values cannot be used to query');
}

/** The name condition of a variable filter; a missing name is Camunda's "name is null". */
function nameCondition(name: unknown, options: VariableConditionOptions): Condition<V> {
  if (typeof name !== 'string') throw engineError('nullValue', 'name is null');
  return options.namesIgnoreCase ? where.upper<V>('name', '=', name) : where.eq<V>('name', name);
}

/**
 * The condition a variable row must meet for one filter entry `{name, operator, value}`. Values
 * arrive as the REST layer resolved them: strings, numbers, booleans, null, or Dates (strings in
 * Camunda's date format).
 */
export function variableCondition(f: VariableFilter, options: VariableConditionOptions = {}): Condition<V> {
  const operator = f.operator;
  const allowed = options.operators ?? Object.keys(SQL_OPS);
  if (typeof operator !== 'string' || !allowed.includes(operator) || SQL_OPS[operator] === undefined) {
    throw engineError('invalidRequest', `${options.invalidOperatorMessage ?? 'Invalid variable comparator specified: '}${String(operator)}`);
  }
  const isLike = operator === 'like' || operator === 'notLike';
  const value = isLike ? javaValueOf(f.value) : f.value;
  const name = nameCondition(f.name, options);
  const values = valueConditions(operator, value, options);
  const any = values.length === 1 ? (values[0] as Condition<V>) : where.or<V>(...values);
  return where.and<V>(name, operator === 'neq' || operator === 'notLike' ? where.not<V>(any) : any);
}
