import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'supertest';
import { FakeClock } from '../../src/util/Clock.js';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployXml, expectError, expectStatus, field, obj, processXml, startByKey, type Json } from './support.js';

let f: RestFixture;
const clock = new FakeClock('2026-01-31T10:00:00.000Z');
let alpha: Json;
let beta: Json;
let gamma: Json;

/** Keeps binary bodies as bytes whatever their content type. */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

beforeAll(async () => {
  f = await createRestFixture({ clock });
  alpha = await deployXml(f, 'alphaKey', { deploymentName: 'alpha' });
  clock.advance(60_000);
  beta = await deployXml(f, 'betaKey', { deploymentName: 'beta', tenantId: 'tenant1' });
  clock.advance(60_000);
  const res = await f.api.post(`${f.root}/deployment/create`).field('deployment-name', 'gamma').field('deployment-source', 'Camunda Modeler')
    .attach('gamma.bpmn', Buffer.from(processXml('gammaKey')), { filename: 'gamma.bpmn', contentType: 'text/xml' })
    .attach('icon.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]), { filename: 'icon.png', contentType: 'image/png' })
    .attach('form.form', Buffer.from('{"a":1}'), { filename: 'form.form' })
    .attach('script.js', Buffer.from('x = 1;'), { filename: 'script.js' });
  gamma = obj(expectStatus(res, 200));
});

afterAll(async () => {
  await f.close();
});

async function names(query: string): Promise<unknown[]> {
  return arr(expectStatus(await f.api.get(`${f.root}/deployment${query}`), 200)).map((d) => d['name']);
}

describe('GET /deployment', () => {
  it('lists deployments with links, wire dates and null tenant', async () => {
    const list = arr(expectStatus(await f.api.get(`${f.root}/deployment?sortBy=name&sortOrder=asc`), 200));
    expect(list.map((d) => d['name'])).toEqual(['alpha', 'beta', 'gamma']);
    expect(list[0]).toEqual({
      links: [], id: alpha['id'], name: 'alpha', source: null, deploymentTime: '2026-01-31T10:00:00.000+0000', tenantId: null,
    });
  });

  it('answers the Modeler connection check maxResults=0 with an empty list', async () => {
    const res = expectStatus(await f.api.get(`${f.root}/deployment?maxResults=0`), 200);
    expect(arr(res)).toEqual([]);
  });

  it('filters by id, name, nameLike, source, tenant and deployment time', async () => {
    expect(await names(`?id=${field(beta, 'id')}`)).toEqual(['beta']);
    expect(await names('?name=gamma')).toEqual(['gamma']);
    expect(await names('?nameLike=%25ph%25')).toEqual(['alpha']);
    expect(await names('?source=Camunda%20Modeler')).toEqual(['gamma']);
    expect(await names('?withoutSource=true&sortBy=name&sortOrder=asc')).toEqual(['alpha', 'beta']);
    expect(await names('?tenantIdIn=tenant1,other')).toEqual(['beta']);
    expect(await names('?withoutTenantId=true&sortBy=name&sortOrder=desc')).toEqual(['gamma', 'alpha']);
    expect(await names('?after=2026-01-31T10:00:30.000%2B0000&sortBy=deploymentTime&sortOrder=asc')).toEqual(['beta', 'gamma']);
    expect(await names('?before=2026-01-31T10:00:30.000%2B0000')).toEqual(['alpha']);
  });

  it('sorts by deployment time and pages with firstResult and maxResults', async () => {
    expect(await names('?sortBy=deploymentTime&sortOrder=desc')).toEqual(['gamma', 'beta', 'alpha']);
    expect(await names('?sortBy=deploymentTime&sortOrder=asc&firstResult=1&maxResults=1')).toEqual(['beta']);
  });

  it('counts with the same filters', async () => {
    expect(obj(expectStatus(await f.api.get(`${f.root}/deployment/count`), 200))).toEqual({ count: 3 });
    expect(obj(expectStatus(await f.api.get(`${f.root}/deployment/count?withoutTenantId=true`), 200))).toEqual({ count: 2 });
  });

  it('rejects an invalid sortBy with Camunda\'s message', async () => {
    const res = await f.api.get(`${f.root}/deployment?sortBy=anInvalidSortByOption&sortOrder=asc`);
    expectError(res, 400, 'InvalidRequestException', "Cannot set query parameter 'sortBy' to value 'anInvalidSortByOption'");
  });

  it('rejects sortBy without sortOrder', async () => {
    const res = await f.api.get(`${f.root}/deployment?sortBy=name`);
    expectError(res, 400, 'InvalidRequestException', 'Only a single sorting parameter specified. sortBy and sortOrder required');
  });
});

describe('GET /deployment/{id} and its resources', () => {
  it('gets one deployment', async () => {
    const res = expectStatus(await f.api.get(`${f.root}/deployment/${field(beta, 'id')}`), 200);
    expect(obj(res)).toMatchObject({ id: beta['id'], name: 'beta', tenantId: 'tenant1', deploymentTime: '2026-01-31T10:01:00.000+0000' });
  });

  it('answers an unknown deployment with 404', async () => {
    const res = await f.api.get(`${f.root}/deployment/nope`);
    expectError(res, 404, 'InvalidRequestException', "Deployment with id 'nope' does not exist");
  });

  it('lists resources with id, name and deploymentId', async () => {
    const list = arr(expectStatus(await f.api.get(`${f.root}/deployment/${field(gamma, 'id')}/resources`), 200));
    expect(list.map((r) => r['name']).sort()).toEqual(['form.form', 'gamma.bpmn', 'icon.png', 'script.js']);
    for (const resource of list) expect(resource).toEqual({ id: expect.any(String) as unknown, name: resource['name'], deploymentId: gamma['id'] });
  });

  it('answers resources of an unknown deployment with 404', async () => {
    const res = await f.api.get(`${f.root}/deployment/nope/resources`);
    expectError(res, 404, 'InvalidRequestException', "Deployment resources for deployment id 'nope' do not exist.");
  });

  async function resourceId(name: string): Promise<string> {
    const list = arr(expectStatus(await f.api.get(`${f.root}/deployment/${field(gamma, 'id')}/resources`), 200));
    return field(list.find((r) => r['name'] === name), 'id');
  }

  it('gets one resource', async () => {
    const id = await resourceId('gamma.bpmn');
    const res = expectStatus(await f.api.get(`${f.root}/deployment/${field(gamma, 'id')}/resources/${id}`), 200);
    expect(obj(res)).toEqual({ id, name: 'gamma.bpmn', deploymentId: gamma['id'] });
  });

  it('answers an unknown resource with 404', async () => {
    const res = await f.api.get(`${f.root}/deployment/${field(gamma, 'id')}/resources/nope`);
    expectError(res, 404, 'InvalidRequestException', `Deployment resource with resource id 'nope' for deployment id '${field(gamma, 'id')}' does not exist.`);
  });

  it('answers data of an unknown resource with 404', async () => {
    const res = await f.api.get(`${f.root}/deployment/${field(gamma, 'id')}/resources/nope/data`);
    expectError(res, 404, 'InvalidRequestException', `Deployment resource 'nope' for deployment id '${field(gamma, 'id')}' does not exist.`);
  });

  it.each([
    ['gamma.bpmn', 'application/xml', Buffer.from(processXml('gammaKey'))],
    ['icon.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255])],
    ['form.form', 'application/octet-stream', Buffer.from('{"a":1}')],
    ['script.js', 'text/plain', Buffer.from('x = 1;')],
  ])('serves the bytes of %s as %s with an attachment disposition', async (name, contentType, bytes) => {
    const id = await resourceId(name);
    const res = await f.api.get(`${f.root}/deployment/${field(gamma, 'id')}/resources/${id}/data`).buffer(true).parse(binary);
    expectStatus(res, 200);
    expect(res.headers['content-type']).toBe(contentType);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
    expect(Buffer.compare(res.body as Buffer, bytes)).toBe(0);
  });
});

describe('DELETE /deployment/{id}', () => {
  it('deletes a deployment without instances and its definitions', async () => {
    const deployment = await deployXml(f, 'deleteMe');
    expectStatus(await f.api.delete(`${f.root}/deployment/${field(deployment, 'id')}`), 204);
    expectError(await f.api.get(`${f.root}/deployment/${field(deployment, 'id')}`), 404, 'InvalidRequestException');
    const count = obj(expectStatus(await f.api.get(`${f.root}/process-definition/count?key=deleteMe`), 200));
    expect(count).toEqual({ count: 0 });
  });

  it('refuses to delete a deployment with running instances without cascade', async () => {
    const deployment = await deployXml(f, 'busyKey');
    await startByKey(f, 'busyKey');
    const res = await f.api.delete(`${f.root}/deployment/${field(deployment, 'id')}`);
    expectError(res, 500, 'ProcessEngineException', /Deletion of process definition without cascading failed/);
    expectStatus(await f.api.get(`${f.root}/deployment/${field(deployment, 'id')}`), 200);
  });

  it('words the no-cascade refusal as Camunda does (ENGINE-03076)', async () => {
    const deployment = await deployXml(f, 'busyTwice');
    await startByKey(f, 'busyTwice');
    await startByKey(f, 'busyTwice');
    const res = await f.api.delete(`${f.root}/deployment/${field(deployment, 'id')}`);
    expectError(res, 500, 'ProcessEngineException',
      /^ENGINE-03076 Deletion of process definition without cascading failed\. Process definition with id: busyTwice:1:\S+ can't be deleted, because there are 2 dependent process instances\.$/);
  });

  it('deletes a deployment with its running instances and their history with cascade=true', async () => {
    const deployment = await deployXml(f, 'cascadeKey');
    const instance = await startByKey(f, 'cascadeKey');
    expectStatus(await f.api.delete(`${f.root}/deployment/${field(deployment, 'id')}?cascade=true`), 204);
    expectError(await f.api.get(`${f.root}/process-instance/${field(instance, 'id')}`), 404, 'InvalidRequestException');
    expect(obj(expectStatus(await f.api.get(`${f.root}/history/process-instance/count?processDefinitionKey=cascadeKey`), 200))).toEqual({ count: 0 });
  });

  it('answers an unknown deployment with 404', async () => {
    const res = await f.api.delete(`${f.root}/deployment/nope`);
    expectError(res, 404, 'InvalidRequestException', "Deployment with id 'nope' do not exist");
  });
});
