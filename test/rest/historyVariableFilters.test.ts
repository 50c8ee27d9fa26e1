import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployXml, expectError, expectStatus, field, obj, startByKey, type Json } from './support.js';

let f: RestFixture;
const pi: Record<'a' | 'b', string> = { a: '', b: '' };
const url = (path = '') => `${f.root}/history/variable-instance${path}`;

beforeAll(async () => {
  f = await createRestFixture();
  await deployXml(f, 'hvProcess');
  pi.a = field(await startByKey(f, 'hvProcess', { businessKey: 'a', variables: {
    customer: { value: 'Acme Corp' }, amount: { value: 5, type: 'Integer' }, big: { value: 3_000_000_000, type: 'Long' },
    ratio: { value: 0.5, type: 'Double' }, vip: { value: true, type: 'Boolean' }, code: { value: 7, type: 'Integer' },
    order: { value: '{"id":7}', type: 'Object', valueInfo: { objectTypeName: 'com.example.Order', serializationDataFormat: 'application/json' } },
  } }), 'id');
  pi.b = field(await startByKey(f, 'hvProcess', { businessKey: 'b', variables: {
    customer: { value: 'acme corp' }, amount: { value: 5, type: 'Long' }, ratio: { value: 5, type: 'Double' },
    vip: { value: false, type: 'Boolean' }, code: { value: '7' },
  } }), 'id');
});

afterAll(async () => {
  await f.close();
});

/** `name@instance` of each row, sorted. */
function rows(list: Json[]): string[] {
  return list.map((r) => `${String(r['name'])}@${r['processInstanceId'] === pi.a ? 'a' : 'b'}`).sort();
}

async function get(query: string): Promise<string[]> {
  return rows(arr(expectStatus(await f.api.get(`${url()}${query}`), 200)));
}

async function post(body: Json, query = ''): Promise<string[]> {
  return rows(arr(expectStatus(await f.api.post(`${url()}${query}`).send(body), 200)));
}

async function postCount(body: Json): Promise<unknown> {
  return obj(expectStatus(await f.api.post(url('/count')).send(body), 200))['count'];
}

describe('historic variable instances by variableValue', () => {
  it('compares query-string values as strings', async () => {
    expect(await get('?variableName=code&variableValue=7')).toEqual(['code@b']);
    expect(await get('?variableName=customer&variableValue=Acme%20Corp')).toEqual(['customer@a']);
    expect(obj(expectStatus(await f.api.get(`${url('/count')}?variableName=amount&variableValue=5`), 200))['count']).toBe(0);
  });

  it('types JSON values as Camunda does for untyped values', async () => {
    expect(await post({ variableName: 'code', variableValue: 7 })).toEqual(['code@a']);
    expect(await post({ variableName: 'amount', variableValue: 5 })).toEqual(['amount@a']);
    expect(await post({ variableName: 'big', variableValue: 3_000_000_000 })).toEqual(['big@a']);
    expect(await post({ variableName: 'ratio', variableValue: 0.5 })).toEqual(['ratio@a']);
    expect(await post({ variableName: 'vip', variableValue: false })).toEqual(['vip@b']);
    expect(await post({ variableName: 'customer', variableValue: 'acme corp' })).toEqual(['customer@b']);
    expect(await postCount({ variableName: 'order', variableValue: { id: 7 } })).toBe(0);
  });

  it('requires variableName with variableValue', async () => {
    const message = 'Only a single variable value parameter specified: variable name and value are required to be able to query after a specific variable value.';
    expectError(await f.api.get(`${url()}?variableValue=7`), 400, 'InvalidRequestException', message);
    expectError(await f.api.post(url('/count')).send({ variableValue: 7 }), 400, 'InvalidRequestException', message);
  });

  it('compares string values ignoring case with variableValuesIgnoreCase', async () => {
    expect(await get('?variableName=customer&variableValue=ACME%20CORP&variableValuesIgnoreCase=true')).toEqual(['customer@a', 'customer@b']);
    expect(await post({ variableName: 'customer', variableValue: 'ACME corp', variableValuesIgnoreCase: true })).toEqual(['customer@a', 'customer@b']);
    expect(await postCount({ variableName: 'customer', variableValue: 'ACME corp', variableValuesIgnoreCase: false })).toBe(0);
  });
});

describe('historic variable instances by name ignoring case', () => {
  it('matches variableName and variableNameLike ignoring case with variableNamesIgnoreCase', async () => {
    expect(await get('?variableName=CUSTOMER')).toEqual([]);
    expect(await get('?variableName=CUSTOMER&variableNamesIgnoreCase=true')).toEqual(['customer@a', 'customer@b']);
    expect(await post({ variableNameLike: 'CUST%', variableNamesIgnoreCase: true })).toEqual(['customer@a', 'customer@b']);
    expect(await postCount({ variableNameLike: 'CUST%' })).toBe(0);
  });

  it('combines both flags with variableValue', async () => {
    const body = { variableName: 'Customer', variableValue: 'ACME CORP', variableNamesIgnoreCase: true, variableValuesIgnoreCase: true };
    expect(await post(body)).toEqual(['customer@a', 'customer@b']);
  });
});

describe('historic variable instances by type and case filters', () => {
  it('compares variableTypeIn case-insensitively', async () => {
    expect(await get(`?variableTypeIn=Long&processInstanceId=${pi.a}`)).toEqual(['big@a']);
    expect(await post({ variableTypeIn: ['BOOLEAN'] })).toEqual(['vip@a', 'vip@b']);
  });

  it('matches nothing for caseInstanceId, caseExecutionIdIn and caseActivityIdIn (CMMN is not supported)', async () => {
    expect(await get('?caseInstanceId=c1')).toEqual([]);
    expect(await get('?caseExecutionIdIn=e1,e2')).toEqual([]);
    expect(await post({ caseActivityIdIn: ['act'] })).toEqual([]);
    expect(await postCount({ caseExecutionIdIn: ['e1'] })).toBe(0);
    expect(await postCount({ caseActivityIdIn: [] })).toBe(12);
  });
});

describe('historic variable instances with deserializeValues', () => {
  it('renders Object values deserialized by default and serialized with deserializeValues=false, on GET and POST', async () => {
    const value = async (res: Promise<Json[]>) => (await res).find((r) => r['name'] === 'order')?.['value'];
    const listed = (query: string) => f.api.get(`${url()}?variableName=order${query}`).then((r) => arr(expectStatus(r, 200)));
    const queried = (query: string) => f.api.post(`${url()}${query}`).send({ variableName: 'order' }).then((r) => arr(expectStatus(r, 200)));
    expect(await value(listed(''))).toEqual({ id: 7 });
    expect(await value(listed('&deserializeValues=false'))).toBe('{"id":7}');
    expect(await value(queried(''))).toEqual({ id: 7 });
    expect(await value(queried('?deserializeValues=false'))).toBe('{"id":7}');
  });
});
