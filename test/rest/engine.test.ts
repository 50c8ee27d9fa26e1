import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, expectError, expectStatus, obj } from './support.js';

let f: RestFixture;

beforeAll(async () => {
  f = await createRestFixture();
});

afterAll(async () => {
  await f.close();
});

describe('engine', () => {
  it('lists the default process engine', async () => {
    const res = expectStatus(await f.api.get('/engine-rest/engine'), 200);
    expect(arr(res)).toEqual([{ name: 'default' }]);
  });

  it('reports the Camunda REST API version it answers to', async () => {
    const res = expectStatus(await f.api.get('/engine-rest/version'), 200);
    expect(obj(res)).toEqual({ version: '7.23.0' });
  });

  it('serves the same operations under the named default engine', async () => {
    const res = expectStatus(await f.api.get('/engine-rest/engine/default/version'), 200);
    expect(obj(res)['version']).toBe('7.23.0');
  });

  it('answers an unknown engine name with 400 "No process engine available"', async () => {
    const res = await f.api.get('/engine-rest/engine/unknown/process-definition');
    expectError(res, 400, 'InvalidRequestException', 'No process engine available');
  });

  it('answers an unknown path with a 404 JSON error body', async () => {
    const res = await f.api.get('/engine-rest/no-such-resource');
    expectError(res, 404, 'NotFoundException');
  });

  it('answers a known path with an unsupported method with 405 and the allowed methods', async () => {
    const res = await f.api.patch('/engine-rest/version').send({});
    expectError(res, 405, 'NotAllowedException');
    expect(res.headers['allow']).toBe('GET');
  });

  it('answers HEAD like GET without a body', async () => {
    const res = expectStatus(await f.api.head('/engine-rest/version'), 200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.text ?? '').toBe('');
  });

  it('answers an operation of the contract it does not serve yet with 501 naming the operationId', async () => {
    const res = await f.api.get('/engine-rest/job');
    expectError(res, 501, 'NotImplementedException', /'getJobs'/);
  });

  it('answers 501 for an unimplemented operation under the named engine root too', async () => {
    const res = await f.api.get('/engine-rest/engine/default/batch');
    expectError(res, 501, 'NotImplementedException', /'getBatches'/);
  });
});
