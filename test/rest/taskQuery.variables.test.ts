import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeClock } from '../../src/util/Clock.js';
import type { RestFixture } from '../helpers/restApp.js';
import { expectError, expectStatus, type Json } from './support.js';
import { createTaskQueryFixture, queries, sorted, startRows, type Started } from './taskQuery.support.js';

let f: RestFixture & { clock: FakeClock };
let started: Started;
let q: ReturnType<typeof queries>;

beforeAll(async () => {
  f = await createTaskQueryFixture();
  started = await startRows(f);
  q = queries(f, started);
  expectStatus(await f.api.put(`${f.root}/task/${started.task['t1'] ?? ''}/localVariables/Color`).send({ value: 'Red', type: 'String' }), 204);
});

afterAll(async () => {
  await f.close();
});

const pv = (name: string, operator: string, value: unknown): Json => ({ processVariables: [{ name, operator, value }] });

describe('task query variables: value types Camunda compares', () => {
  it('compares strings, and neq also matches variables of the name holding another type or null', async () => {
    expect(await q.post(pv('customer', 'eq', 'Ada'))).toEqual(['t1']);
    expect(sorted(await q.post(pv('customer', 'neq', 'Ada')))).toEqual(['t2', 't3', 't4']);
    expect(sorted(await q.post(pv('amount', 'neq', 'Ada')))).toEqual(['t1', 't2', 't3']);
  });

  it('compares a number with every numeric type that holds it (short, integer, long, double)', async () => {
    expect(await q.post(pv('amount', 'eq', 50))).toEqual(['t3']);
    expect(sorted(await q.post(pv('amount', 'gt', 60)))).toEqual(['t1', 't2']);
    expect(await q.post(pv('score', 'lteq', 1.5))).toEqual(['t1']);
    // 3000000000 does not fit an Integer: only the Long variable is compared.
    expect(await q.post(pv('amount', 'lt', 3000000000))).toEqual(['t3']);
  });

  it('compares booleans with eq and neq only', async () => {
    expect(await q.post(pv('vip', 'eq', true))).toEqual(['t1']);
    expect(await q.post(pv('vip', 'neq', true))).toEqual(['t2']);
    expectError(await f.api.post(`${f.root}/task`).send(pv('vip', 'gt', true)), 500, 'ProcessEngineException',
      "Booleans and null cannot be used in 'greater than' condition");
  });

  it('matches null values of any type with eq null', async () => {
    expect(await q.post(pv('customer', 'eq', null))).toEqual(['t4']);
    expect(await q.post(pv('score', 'eq', null))).toEqual(['t3']);
    expect(sorted(await q.post(pv('customer', 'neq', null)))).toEqual(['t1', 't2', 't3']);
    expectError(await f.api.post(`${f.root}/task`).send(pv('customer', 'lteq', null)), 500, 'ProcessEngineException',
      "Booleans and null cannot be used in 'less than or equal' condition");
  });

  it('reads strings in Camunda\'s date format as dates, in POST bodies and GET values', async () => {
    expect(await q.post(pv('since', 'eq', '2020-01-01T10:00:00.000+0000'))).toEqual(['t1']);
    expect(await q.get('?processVariables=since_gt_2021-01-01T00:00:00.000%2B0000')).toEqual(['t2']);
  });

  it('keeps GET values as text, as Camunda\'s VariableListConverter does', async () => {
    expect(await q.get('?processVariables=amount_eq_100')).toEqual([]);
    expect(await q.post(pv('amount', 'eq', 100))).toEqual(['t1']);
    expect(await q.get('?processVariables=ref_eq_A-3')).toEqual(['t3']);
  });

  it('passes like values through String.valueOf, so a number never matches', async () => {
    expect(sorted(await q.get('?processVariables=customer_like_A%25'))).toEqual(['t1', 't3']);
    expect(await q.post(pv('amount', 'like', 100))).toEqual([]);
    expect(sorted(await q.post(pv('customer', 'notLike', 'A%')))).toEqual(['t2', 't4']);
  });

  it('refuses object values, nameless entries and operators the DTO does not know', async () => {
    expectError(await f.api.post(`${f.root}/task`).send(pv('customer', 'eq', { a: 1 })), 500, 'ProcessEngineException', 'Object values cannot be used to query');
    expectError(await f.api.post(`${f.root}/task`).send({ processVariables: [{ operator: 'eq', value: 1 }] }), 500, 'NullValueException', 'name is null');
    expectError(await f.api.post(`${f.root}/task`).send({ taskVariables: [{ name: 'Color', operator: 'notLike', value: 'x' }] }),
      400, 'InvalidRequestException', 'Invalid task variable comparator specified: notLike');
    expectError(await f.api.post(`${f.root}/task`).send(pv('customer', 'contains', 'x')), 400, 'InvalidRequestException',
      'Invalid process variable comparator specified: contains');
  });
});

describe('task query variables: scopes and ignore-case flags', () => {
  it('taskVariables see the task\'s local variables, processVariables do not', async () => {
    expect(await q.post({ taskVariables: [{ name: 'Color', operator: 'eq', value: 'Red' }] })).toEqual(['t1']);
    expect(await q.post(pv('Color', 'eq', 'Red'))).toEqual([]);
  });

  it('variableValuesIgnoreCase upper-cases string values of every variable filter', async () => {
    expect(await q.post(pv('customer', 'eq', 'ada'))).toEqual([]);
    expect(sorted(await q.post({ ...pv('customer', 'eq', 'ada'), variableValuesIgnoreCase: true }))).toEqual(['t1', 't3']);
    expect(await q.get('?taskVariables=Color_eq_RED&variableValuesIgnoreCase=true')).toEqual(['t1']);
    expect(sorted(await q.post({ ...pv('customer', 'like', 'a%'), variableValuesIgnoreCase: true }))).toEqual(['t1', 't3']);
  });

  it('variableNamesIgnoreCase upper-cases variable names of every variable filter', async () => {
    expect(await q.post(pv('CUSTOMER', 'eq', 'Ada'))).toEqual([]);
    expect(await q.post({ ...pv('CUSTOMER', 'eq', 'Ada'), variableNamesIgnoreCase: true })).toEqual(['t1']);
    expect(await q.get('?taskVariables=color_eq_Red&variableNamesIgnoreCase=true')).toEqual(['t1']);
  });

  it('applies the flags of an orQueries entry to that entry\'s variable filters', async () => {
    const body = { orQueries: [{ ...pv('customer', 'eq', 'ada'), variableValuesIgnoreCase: true, taskVariables: [{ name: 'x', operator: 'eq', value: 1 }] }] };
    expect(sorted(await q.post(body))).toEqual(['t1', 't3']);
  });
});
