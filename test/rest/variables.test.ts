import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import {
  binaryParser, BYTES_CONTENT, deployVariableProcesses, expectError, FILE_CONTENT, startInstance, TYPED_CASES, type Json,
} from './variables.support.js';

let f: RestFixture;
let pi: string;
const url = (path: string) => `${f.root}/process-instance/${pi}/variables${path}`;

beforeAll(async () => {
  f = await createRestFixture();
  await deployVariableProcesses(f);
});
afterAll(async () => { await f.close(); });

describe('process instance variables: typed values', () => {
  beforeAll(async () => { pi = await startInstance(f, 'variablesUserTask'); });

  it.each(TYPED_CASES)('PUT then GET round-trips $name', async ({ name, sent, returned }) => {
    const put = await f.api.put(url(`/${name}`)).send(sent);
    expect(put.status, JSON.stringify(put.body)).toBe(204);
    const got = await f.api.get(url(`/${name}`));
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.body).toEqual(returned);
  });

  it('lists every variable with the same shapes', async () => {
    const res = await f.api.get(url(''));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(Object.fromEntries(TYPED_CASES.map((c) => [c.name, c.returned])));
  });

  it('returns Object values serialized with deserializeValue(s)=false', async () => {
    const one = await f.api.get(url('/anObject')).query({ deserializeValue: 'false' });
    expect((one.body as Json)['value']).toBe('{"x":1}');
    const all = await f.api.get(url('')).query({ deserializeValues: 'false' });
    expect(((all.body as Record<string, Json>)['anObject'] ?? {})['value']).toBe('{"x":1}');
  });

  it('sets every type through modify (POST {modifications})', async () => {
    const other = await startInstance(f, 'variablesUserTask');
    const modifications = Object.fromEntries(TYPED_CASES.map((c) => [c.name, c.sent]));
    const res = await f.api.post(`${f.root}/process-instance/${other}/variables`).send({ modifications, workerId: 'ignored' });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    const all = await f.api.get(`${f.root}/process-instance/${other}/variables`);
    expect(all.body).toEqual(Object.fromEntries(TYPED_CASES.map((c) => [c.name, c.returned])));
  });

  it('infers the type of an untyped value', async () => {
    await f.api.put(url('/untyped')).send({ value: 7 }).expect(204);
    expect((await f.api.get(url('/untyped'))).body).toEqual({ type: 'Integer', value: 7, valueInfo: {} });
  });

  it('decodes percent-encoded variable names in the path', async () => {
    await f.api.put(url('/my%20var%C3%A4')).send({ value: 'x' }).expect(204);
    expect(Object.keys((await f.api.get(url(''))).body as Json)).toContain('my varä');
    expect((await f.api.get(url('/my%20var%C3%A4'))).status).toBe(200);
  });

  it('overwrites a variable with a value of another type', async () => {
    await f.api.put(url('/changing')).send({ value: 'one', type: 'String' }).expect(204);
    await f.api.put(url('/changing')).send({ value: 2, type: 'Long' }).expect(204);
    expect((await f.api.get(url('/changing'))).body).toEqual({ type: 'Long', value: 2, valueInfo: {} });
  });
});

describe('process instance variables: binary data', () => {
  beforeAll(async () => {
    pi = await startInstance(f, 'variablesUserTask');
    for (const c of TYPED_CASES) await f.api.put(url(`/${c.name}`)).send(c.sent).expect(204);
  });

  it('downloads Bytes as application/octet-stream', async () => {
    const res = await f.api.get(url('/someBytes/data')).buffer(true).parse(binaryParser);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(Buffer.compare(res.body as Buffer, BYTES_CONTENT)).toBe(0);
  });

  it('downloads a File with its mime type, charset and attachment name', async () => {
    const res = await f.api.get(url('/aFile/data')).buffer(true).parse(binaryParser);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=UTF-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="report.csv"; filename*=UTF-8\'\'report.csv');
    expect(Buffer.compare(res.body as Buffer, FILE_CONTENT)).toBe(0);
  });

  it('answers 400 for a variable that is not binary, naming the resource id', async () => {
    const res = await f.api.get(url('/aString/data'));
    expectError(res, 400, 'InvalidRequestException', `Value of variable with id ${pi} is not a binary value.`);
  });

  it('answers 404 for the data of a missing variable', async () => {
    const res = await f.api.get(url('/nothing/data'));
    expectError(res, 404, 'InvalidRequestException', 'process instance variable with name nothing does not exist');
  });
});

describe('process instance variables: multipart upload', () => {
  beforeAll(async () => { pi = await startInstance(f, 'variablesUserTask'); });

  it('stores a data part without valueType as Bytes', async () => {
    const res = await f.api.post(url('/upload/data')).attach('data', BYTES_CONTENT, { filename: 'blob.bin', contentType: 'application/octet-stream' });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    expect((await f.api.get(url('/upload'))).body).toEqual({ type: 'Bytes', value: BYTES_CONTENT.toString('base64'), valueInfo: {} });
  });

  it('stores a File with name, mime type and the encoding parameter of the part', async () => {
    const res = await f.api.post(url('/doc/data')).field('valueType', 'File')
      .attach('data', FILE_CONTENT, { filename: 'räport.csv', contentType: 'text/csv; encoding=UTF-8' });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    expect((await f.api.get(url('/doc'))).body).toEqual({
      type: 'File', value: null, valueInfo: { filename: 'räport.csv', mimeType: 'text/csv', encoding: 'UTF-8' },
    });
    const data = await f.api.get(url('/doc/data')).buffer(true).parse(binaryParser);
    expect(data.headers['content-type']).toBe('text/csv; charset=UTF-8');
    expect(data.headers['content-disposition']).toBe('attachment; filename="r?port.csv"; filename*=UTF-8\'\'r%C3%A4port.csv');
    expect(Buffer.compare(data.body as Buffer, FILE_CONTENT)).toBe(0);
  });

  it('stores a serialized JSON object given a type part', async () => {
    const res = await f.api.post(url('/order/data')).field('type', 'com.example.Order')
      .attach('data', Buffer.from('{ "id": 5 }'), { filename: 'order.json', contentType: 'application/json' });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    expect((await f.api.get(url('/order'))).body).toEqual({
      type: 'Object', value: { id: 5 }, valueInfo: { objectTypeName: 'com.example.Order', serializationDataFormat: 'application/json' },
    });
  });

  it('refuses a type part whose data is not JSON', async () => {
    const res = await f.api.post(url('/order/data')).field('type', 'com.example.Order')
      .attach('data', Buffer.from('x'), { filename: 'order.txt', contentType: 'text/plain' });
    expectError(res, 400, 'InvalidRequestException', 'Unrecognized content type for serialized java type: text/plain');
  });

  it('refuses a valueType part that is not text/plain', async () => {
    const res = await f.api.post(url('/upload/data'))
      .attach('valueType', Buffer.from('File'), { filename: 'type.bin', contentType: 'application/octet-stream' })
      .attach('data', BYTES_CONTENT, { filename: 'blob.bin' });
    expectError(res, 400, 'InvalidRequestException', "Form part with name 'valueType' must have a text/plain value");
  });

  it('answers 415 to a body that is not multipart', async () => {
    const res = await f.api.post(url('/upload/data')).send({ value: 1 });
    expectError(res, 415, 'NotSupportedException', 'HTTP 415 Unsupported Media Type');
  });
});

describe('process instance variables: deletion', () => {
  beforeAll(async () => {
    pi = await startInstance(f, 'variablesUserTask', { keep: { value: 1 }, drop: { value: 2 }, both: { value: 3 } });
  });

  it('deletes with DELETE and then answers 404', async () => {
    await f.api.delete(url('/drop')).expect(204);
    expectError(await f.api.get(url('/drop')), 404, 'InvalidRequestException', 'process instance variable with name drop does not exist');
  });

  it('answers 204 when deleting a variable that does not exist', async () => {
    await f.api.delete(url('/never')).expect(204);
  });

  it('applies modifications before deletions, so a name in both is deleted', async () => {
    const res = await f.api.post(url('')).send({ modifications: { both: { value: 'x' }, added: { value: true } }, deletions: ['both', 'keep'] });
    expect(res.status).toBe(204);
    expect(Object.keys((await f.api.get(url(''))).body as Json).sort()).toEqual(['added']);
  });
});

describe('process instance variables: errors', () => {
  const missing = 'no-such-instance';
  const gone = `execution ${missing} doesn't exist: execution is null`;
  const at = (path: string) => `${f.root}/process-instance/${missing}/variables${path}`;

  beforeAll(async () => { pi = await startInstance(f, 'variablesUserTask'); });

  it('answers an unknown instance like Camunda on every route', async () => {
    expectError(await f.api.get(at('')), 500, 'NullValueException', gone, 0);
    expectError(await f.api.get(at('/a')), 500, 'RestException', `Cannot get process instance variable a: ${gone}`, 0);
    expectError(await f.api.get(at('/a/data')), 500, 'RestException', `Cannot get process instance variable a: ${gone}`, 0);
    expectError(await f.api.put(at('/a')).send({ value: 1 }), 500, 'RestException', `Cannot put process instance variable a: ${gone}`, 0);
    expectError(await f.api.delete(at('/a')), 500, 'RestException', `Cannot delete process instance variable a: ${gone}`, 0);
    expectError(await f.api.post(at('')).send({ modifications: {} }), 500, 'RestException',
      `Cannot modify variables for process instance ${missing}: ${gone}`, 0);
    const upload = await f.api.post(at('/a/data')).attach('data', BYTES_CONTENT, { filename: 'b.bin' });
    expectError(upload, 500, 'RestException', `Cannot put process instance variable a: ${gone}`, 0);
  });

  it('reports an unknown value type as 400 on PUT and modify', async () => {
    expectError(await f.api.put(url('/a')).send({ value: 1, type: 'Banana' }), 400, 'InvalidRequestException',
      "Cannot put process instance variable a: Unsupported value type 'Banana'");
    expectError(await f.api.post(url('')).send({ modifications: { a: { value: 1, type: 'Banana' } } }), 400, 'InvalidRequestException',
      "Cannot modify variables for process instance: Unsupported value type 'Banana'");
  });

  it('reports a value that does not convert as 400', async () => {
    expectError(await f.api.put(url('/a')).send({ value: 'abc', type: 'Integer' }), 400, 'InvalidRequestException',
      "Cannot put process instance variable a: Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer");
  });

  it('answers a PUT with another content type with 415', async () => {
    const res = await f.api.put(url('/a')).set('Content-Type', 'text/plain').send('1');
    expectError(res, 415, 'NotSupportedException', 'HTTP 415 Unsupported Media Type');
  });

  it('answers a PUT without a body with the JVM\'s 500 NullPointerException', async () => {
    const res = await f.api.put(url('/a'));
    expect(res.status).toBe(500);
    expect((res.body as Json)['type']).toBe('NullPointerException');
  });

  it('answers a body that does not bind to the DTO with Jackson\'s empty 400', async () => {
    expectError(await f.api.put(url('/a')).send([1]), 400, 'InvalidRequestException', '');
    expectError(await f.api.post(url('')).send({ deletions: 'a' }), 400, 'InvalidRequestException', '');
  });
});
