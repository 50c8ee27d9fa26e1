import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { binaryParser, BYTES_CONTENT, deployVariableProcesses, expectError, startInstance, taskOf, type Json } from './variables.support.js';

const WIRE_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/;

let f: RestFixture;
let pi: string;
let task: string;
const history = (path = '') => `${f.root}/history/variable-instance${path}`;

async function historic(query: Record<string, string>): Promise<Json[]> {
  const res = await f.api.get(history()).query(query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Json[];
}

async function byName(name: string, query: Record<string, string> = {}): Promise<Json> {
  const rows = (await historic({ processInstanceId: pi, ...query })).filter((row) => row['name'] === name);
  expect(rows).toHaveLength(1);
  return rows[0] as Json;
}

beforeAll(async () => {
  f = await createRestFixture();
  await deployVariableProcesses(f);
  pi = await startInstance(f, 'variablesUserTask', { amount: { value: 1, type: 'Integer' }, gone: { value: 'x' } });
  task = (await taskOf(f, pi))['id'] as string;
  const vars = `${f.root}/process-instance/${pi}/variables`;
  await f.api.put(`${vars}/amount`).send({ value: 2, type: 'Integer' }).expect(204);
  await f.api.put(`${vars}/blob`).send({ value: BYTES_CONTENT.toString('base64'), type: 'Bytes' }).expect(204);
  await f.api.put(`${vars}/order`).send({
    value: '{"id":7}', type: 'Object', valueInfo: { objectTypeName: 'com.example.Order', serializationDataFormat: 'application/json' },
  }).expect(204);
  await f.api.put(`${f.root}/task/${task}/localVariables/note`).send({ value: 'task note' }).expect(204);
  await f.api.delete(`${vars}/gone`).expect(204);
});
afterAll(async () => { await f.close(); });

describe('historic variable instances', () => {
  it('lists the latest value of each variable in HistoricVariableInstanceDto shape', async () => {
    const amount = await byName('amount');
    expect(amount).toEqual({
      type: 'Integer', value: 2, valueInfo: {}, id: expect.any(String) as unknown, name: 'amount',
      processDefinitionKey: 'variablesUserTask', processDefinitionId: expect.any(String) as unknown, processInstanceId: pi,
      executionId: pi, activityInstanceId: pi, caseDefinitionKey: null, caseDefinitionId: null, caseInstanceId: null,
      caseExecutionId: null, taskId: null, tenantId: null, errorMessage: null, state: 'CREATED',
      createTime: expect.stringMatching(WIRE_DATE) as unknown, removalTime: null, rootProcessInstanceId: pi,
    });
  });

  it('leaves Bytes values out of the list and serves them from /data', async () => {
    const blob = await byName('blob');
    expect(blob['value']).toBeNull();
    const data = await f.api.get(history(`/${blob['id'] as string}/data`)).buffer(true).parse(binaryParser);
    expect(data.status).toBe(200);
    expect(data.headers['content-type']).toBe('application/octet-stream');
    expect(Buffer.compare(data.body as Buffer, BYTES_CONTENT)).toBe(0);
  });

  it('honours deserializeValues for Object values', async () => {
    expect((await byName('order'))['value']).toEqual({ id: 7 });
    expect((await byName('order', { deserializeValues: 'false' }))['value']).toBe('{"id":7}');
  });

  it('records the task of a task-local variable', async () => {
    expect((await byName('note'))['taskId']).toBe(task);
  });

  it('hides deleted variables unless includeDeleted is set', async () => {
    expect((await historic({ processInstanceId: pi })).map((row) => row['name']).sort()).toEqual(['amount', 'blob', 'note', 'order']);
    expect((await byName('gone', { includeDeleted: 'true' }))['state']).toBe('DELETED');
  });

  it('counts with GET and POST and queries with POST', async () => {
    expect((await f.api.get(history('/count')).query({ processInstanceId: pi })).body).toEqual({ count: 4 });
    expect((await f.api.post(history('/count')).send({ processInstanceId: pi, includeDeleted: true })).body).toEqual({ count: 5 });
    const res = await f.api.post(history()).query({ maxResults: '1' }).send({ processInstanceId: pi, variableName: 'amount' });
    expect(res.status).toBe(200);
    expect((res.body as Json[]).map((row) => row['value'])).toEqual([2]);
  });

  it('gets one historic variable by id, with deserializeValue', async () => {
    const order = await byName('order');
    const one = await f.api.get(history(`/${order['id'] as string}`));
    expect(one.status).toBe(200);
    expect(one.body).toEqual(order);
    const raw = await f.api.get(history(`/${order['id'] as string}`)).query({ deserializeValue: 'false' });
    expect((raw.body as Json)['value']).toBe('{"id":7}');
  });

  it('answers 404 for an unknown or deleted id and 400 for data that is not binary', async () => {
    expectError(await f.api.get(history('/unknown')), 404, 'InvalidRequestException', "Historic variable instance with Id 'unknown' does not exist.");
    expectError(await f.api.get(history('/unknown/data')), 404, 'InvalidRequestException', "Historic variable instance with Id 'unknown' does not exist.");
    const gone = (await byName('gone', { includeDeleted: 'true' }))['id'] as string;
    expectError(await f.api.get(history(`/${gone}`)), 404, 'InvalidRequestException', `Historic variable instance with Id '${gone}' does not exist.`);
    const amount = (await byName('amount'))['id'] as string;
    expectError(await f.api.get(history(`/${amount}/data`)), 400, 'InvalidRequestException', `Value of variable with id ${amount} is not a binary value.`);
  });
});
