import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeClock } from '../../src/util/Clock.js';
import { testDialect } from '../helpers/database.js';
import type { RestFixture } from '../helpers/restApp.js';
import { arr, deployFixtures, expectError, expectStatus, field, startByKey, type Json } from './support.js';
import { createTaskQueryFixture, queries, startRows, type Started } from './taskQuery.support.js';

let f: RestFixture & { clock: FakeClock };
let started: Started;
let q: ReturnType<typeof queries>;
/** Task ids of the parallel process by task definition key, and their executions. */
const branch: Record<string, { task: string; execution: string }> = {};

/** Rows without the variable sort as NULL does on the database, as in Camunda's left join. */
const nullsFirst = testDialect() === 'sqlite';

beforeAll(async () => {
  f = await createTaskQueryFixture();
  started = await startRows(f);
  q = queries(f, started);
  expectStatus(await f.api.put(`${f.root}/task/${started.task['t2'] ?? ''}/localVariables/rank`).send({ value: 2, type: 'Integer' }), 204);
  expectStatus(await f.api.put(`${f.root}/task/${started.task['t4'] ?? ''}/localVariables/rank`).send({ value: 1, type: 'Integer' }), 204);
  await deployFixtures(f, ['parallel.bpmn'], 'parallel');
  const pi = field(await startByKey(f, 'parallelProcess', { variables: { label: { value: 'P', type: 'String' } } }), 'id');
  for (const task of arr(expectStatus(await f.api.get(`${f.root}/task?processInstanceId=${pi}`), 200))) {
    branch[field(task, 'taskDefinitionKey')] = { task: field(task, 'id'), execution: field(task, 'executionId') };
  }
  for (const [key, label] of [['taskA', 'b'], ['taskB', 'a']] as const) {
    const execution = branch[key]?.execution ?? '';
    expectStatus(await f.api.put(`${f.root}/execution/${execution}/localVariables/label`).send({ value: label, type: 'String' }), 204);
  }
});

afterAll(async () => {
  await f.close();
});

const ROWS = (): string[] => ['t1', 't2', 't3', 't4'].map((name) => started.task[name] ?? '');

function byVariable(sortBy: string, variable: string, type: string, sortOrder: 'asc' | 'desc' = 'asc', rest: Json = {}): Json {
  return { taskIdIn: ROWS(), ...rest, sorting: [{ sortBy, sortOrder, parameters: { variable, type } }] };
}

/** The expected order with the rows lacking a value placed where the database puts NULLs. */
function withNulls(values: string[], nulls: string[], order: 'asc' | 'desc' = 'asc'): string[] {
  const first = order === 'asc' ? nullsFirst : !nullsFirst;
  return first ? [...nulls, ...values] : [...values, ...nulls];
}

describe('POST /task sorting by a variable (sortBy processVariable … with parameters {variable, type})', () => {
  it('sorts String variables by their lower-cased value', async () => {
    expect(await q.post(byVariable('processVariable', 'taskName', 'String'))).toEqual(['t3', 't4', 't2', 't1']);
    expect(await q.post(byVariable('processVariable', 'taskName', 'String', 'desc'))).toEqual(['t1', 't2', 't4', 't3']);
  });

  it('sorts Integer variables by value; rows without an Integer of that name sort as NULL', async () => {
    // t3's amount is a Long, t4 has none.
    const asc = await q.post(byVariable('processVariable', 'amount', 'Integer', 'asc', { taskIdIn: [started.task['t1'], started.task['t2'], started.task['t3']] }));
    expect(asc).toEqual(withNulls(['t1', 't2'], ['t3']));
    const desc = await q.post(byVariable('processVariable', 'amount', 'Integer', 'desc', { taskIdIn: [started.task['t1'], started.task['t2'], started.task['t3']] }));
    expect(desc).toEqual(withNulls(['t2', 't1'], ['t3'], 'desc'));
  });

  it('sorts Long, Double, Boolean and Date variables by their value column', async () => {
    // Only t3 holds a Long: first descending on SQLite (NULLs smallest), last on PostgreSQL (NULLs largest).
    expect((await q.post(byVariable('processVariable', 'amount', 'Long', 'desc'))).indexOf('t3')).toBe(nullsFirst ? 0 : 3);
    expect(await q.post(byVariable('processVariable', 'score', 'Double', 'desc', { taskIdIn: [started.task['t1'], started.task['t2']] }))).toEqual(['t2', 't1']);
    expect(await q.post(byVariable('processVariable', 'vip', 'Boolean', 'asc', { taskIdIn: [started.task['t1'], started.task['t2']] }))).toEqual(['t2', 't1']);
    expect(await q.post(byVariable('processVariable', 'since', 'Date', 'desc', { taskIdIn: [started.task['t1'], started.task['t2']] }))).toEqual(['t2', 't1']);
    expect(await q.post(byVariable('processVariable', 'priority', 'Short', 'asc'))).toHaveLength(4);
  });

  it('sorts by task variables and by variables of the task\'s execution', async () => {
    const rank = await q.post(byVariable('taskVariable', 'rank', 'Integer', 'asc', { taskIdIn: [started.task['t2'], started.task['t4']] }));
    expect(rank).toEqual(['t4', 't2']);
    const execution = await q.post({ processDefinitionKey: 'parallelProcess', sorting: [{ sortBy: 'executionVariable', sortOrder: 'asc', parameters: { variable: 'label', type: 'String' } }] });
    expect(execution).toEqual([branch['taskB']?.task, branch['taskA']?.task]);
  });

  it('keeps the ordering through paging, as formsflow\'s task list pages it', async () => {
    const body = byVariable('processVariable', 'taskName', 'String');
    expect(await q.post(body, '?firstResult=1&maxResults=2')).toEqual(['t4', 't2']);
    expect(await q.postCount(body)).toBe(4);
  });

  it('orders by a null column for case sorts: the next sorting decides', async () => {
    const priority = { sortBy: 'priority', sortOrder: 'desc' };
    const caseVariable = { sortBy: 'caseInstanceVariable', sortOrder: 'asc', parameters: { variable: 'customer', type: 'String' } };
    const caseExecution = { sortBy: 'caseExecutionVariable', sortOrder: 'desc', parameters: { variable: 'customer', type: 'String' } };
    expect(await q.post({ taskIdIn: ROWS(), sorting: [caseVariable, caseExecution, priority] })).toEqual(['t4', 't3', 't2', 't1']);
    expect(await q.post({ taskIdIn: ROWS(), sorting: [{ sortBy: 'caseInstanceId', sortOrder: 'asc' }, { sortBy: 'caseExecutionId', sortOrder: 'desc' }, priority] }))
      .toEqual(['t4', 't3', 't2', 't1']);
    expect(await q.get(`?taskIdIn=${ROWS().join(',')}&sortBy=caseInstanceId&sortOrder=desc`)).toHaveLength(4);
    expect(await q.get(`?taskIdIn=${ROWS().join(',')}&sortBy=caseExecutionId&sortOrder=asc`)).toHaveLength(4);
  });

  it('sorts nameCaseInsensitive by the lower-cased name', async () => {
    expect(await q.get(`?taskIdIn=${ROWS().join(',')}&sortBy=nameCaseInsensitive&sortOrder=asc`)).toEqual(['t3', 't4', 't2', 't1']);
  });
});

describe('task query sorting: Camunda\'s errors', () => {
  const post = (sorting: Json[]) => f.api.post(`${f.root}/task`).send({ sorting });
  const variableSort = (parameters: Json) => [{ sortBy: 'processVariable', sortOrder: 'asc', parameters }];

  it('checks the parameters of a variable sort as TaskQueryImpl does', async () => {
    expectError(await post(variableSort({ type: 'String' })), 500, 'NullValueException', 'variableName is null');
    expectError(await post(variableSort({ variable: 'customer' })), 500, 'NullValueException', 'valueType is null');
    expectError(await post(variableSort({ variable: 'customer', type: 'STRING' })), 500, 'NullValueException', 'valueType is null');
    expectError(await post(variableSort({ variable: 'customer', type: 'Object' })), 500, 'ProcessEngineException', 'Cannot order by variables of type object');
    expectError(await post([{ sortBy: 'taskVariable', sortOrder: 'asc' }]), 500, 'NullValueException', 'variableName is null');
  });

  it('accepts variable sorts only in a POST sorting list, not as GET sortBy', async () => {
    expectError(await f.api.get(`${f.root}/task?sortBy=processVariable&sortOrder=asc`), 400, 'InvalidRequestException',
      "Cannot set query parameter 'sortBy' to value 'processVariable'");
  });

  it('applies a POST sorting list as AbstractQueryDto does: directions need an ordering', async () => {
    expectError(await post([{ sortBy: 'nope', sortOrder: 'asc' }]), 400, 'NotValidException',
      'You should call any of the orderBy methods first before specifying a direction: currentOrderingProperty is null');
    expectError(await post([{ sortBy: 'created' }]), 400, 'NotValidException',
      'Invalid query: call asc() or desc() after using orderByXX(): direction is null');
    expectError(await post([{ sortBy: 'created', sortOrder: 'asc' }, { sortBy: 'nope', sortOrder: 'desc' }]), 400, 'NotValidException',
      'Invalid query: can specify only one direction desc() or asc() for an ordering constraint: direction is not null');
  });
});
