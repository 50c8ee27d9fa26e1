import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployXml, expectError, expectStatus, field, obj, processXml, type Json } from './support.js';

let f: RestFixture;
const ids: Record<string, string> = {};

function onlyDefinition(deployment: Json): Json {
  const [definition] = Object.values(deployment['deployedProcessDefinitions'] as Record<string, Json>);
  return definition ?? {};
}

beforeAll(async () => {
  f = await createRestFixture();
  const deploy = async (label: string, key: string, options: Parameters<typeof deployXml>[2] = {}) => {
    ids[label] = field(onlyDefinition(await deployXml(f, key, options)), 'id');
  };
  await deploy('invoice1', 'invoiceKey', { name: 'Invoice' });
  await deploy('invoice2', 'invoiceKey', { name: 'Invoice v2' });
  await deploy('order', 'orderKey', { name: 'Order Handling', versionTag: '1.0' });
  await deploy('shared', 'sharedKey', { name: 'Shared' });
  await deploy('sharedT1', 'sharedKey', { name: 'Shared T1', tenantId: 'tenant1' });
  await deploy('sharedT2', 'sharedKey', { name: 'Shared T2', tenantId: 'tenant2' });
  await deploy('tenantOnly', 'tenantOnlyKey', { name: 'Tenant Only', tenantId: 'tenant1' });
  await deploy('straight', 'straightKey', { name: 'Straight', body: 'none' });
});

afterAll(async () => {
  await f.close();
});

async function listIds(query: string): Promise<unknown[]> {
  return arr(expectStatus(await f.api.get(`${f.root}/process-definition${query}`), 200)).map((d) => d['id']);
}

describe('GET /process-definition', () => {
  it('lists definitions with every ProcessDefinitionDto key', async () => {
    const list = arr(expectStatus(await f.api.get(`${f.root}/process-definition?key=orderKey`), 200));
    expect(list).toEqual([{
      id: ids['order'], key: 'orderKey', category: 'http://m8flow.test/orderKey', description: null, name: 'Order Handling',
      version: 1, resource: 'orderKey.bpmn', deploymentId: expect.any(String) as unknown, diagram: null, suspended: false,
      tenantId: null, versionTag: '1.0', historyTimeToLive: null, startableInTasklist: true,
    }]);
  });

  it('filters the latest version per key and tenant', async () => {
    expect(await listIds('?key=invoiceKey&latestVersion=true')).toEqual([ids['invoice2']]);
    const shared = await listIds('?key=sharedKey&latestVersion=true&sortBy=name&sortOrder=asc');
    expect(shared).toEqual([ids['shared'], ids['sharedT1'], ids['sharedT2']]);
  });

  it('filters by key, keyLike, nameLike and versionTag', async () => {
    expect(await listIds('?key=invoiceKey&sortBy=version&sortOrder=asc')).toEqual([ids['invoice1'], ids['invoice2']]);
    expect(await listIds('?keyLike=%25voice%25&sortBy=version&sortOrder=desc')).toEqual([ids['invoice2'], ids['invoice1']]);
    expect(await listIds('?nameLike=%25Handling%25')).toEqual([ids['order']]);
    expect(await listIds('?versionTag=1.0')).toEqual([ids['order']]);
  });

  it('filters by tenant, with or without definitions that have no tenant', async () => {
    expect(await listIds('?key=sharedKey&tenantIdIn=tenant1')).toEqual([ids['sharedT1']]);
    const withShared = await listIds('?key=sharedKey&tenantIdIn=tenant1&includeProcessDefinitionsWithoutTenantId=true&sortBy=name&sortOrder=asc');
    expect(withShared).toEqual([ids['shared'], ids['sharedT1']]);
    expect(await listIds('?key=sharedKey&withoutTenantId=true')).toEqual([ids['shared']]);
    expect(await listIds('?tenantIdIn=tenant1,tenant2&sortBy=name&sortOrder=desc')).toEqual([ids['tenantOnly'], ids['sharedT2'], ids['sharedT1']]);
  });

  it('serves the formsflow list query latestVersion + includeProcessDefinitionsWithoutTenantId + sortBy=tenantId', async () => {
    const list = arr(expectStatus(await f.api.get(`${f.root}/process-definition?latestVersion=true&includeProcessDefinitionsWithoutTenantId=true&sortBy=tenantId&sortOrder=asc&firstResult=0&maxResults=100`), 200));
    expect(list.length).toBe(7);
    expect(list.map((d) => d['key'])).toContain('invoiceKey');
  });

  it('sorts and pages', async () => {
    const all = await listIds('?sortBy=id&sortOrder=asc');
    expect(all.length).toBe(8);
    expect(await listIds('?sortBy=id&sortOrder=asc&firstResult=2&maxResults=3')).toEqual(all.slice(2, 5));
    expect(await listIds('?key=invoiceKey&sortBy=version&sortOrder=desc&maxResults=1')).toEqual([ids['invoice2']]);
  });

  it('counts with the same filters', async () => {
    expect(obj(expectStatus(await f.api.get(`${f.root}/process-definition/count`), 200))).toEqual({ count: 8 });
    expect(obj(expectStatus(await f.api.get(`${f.root}/process-definition/count?latestVersion=true&key=invoiceKey`), 200))).toEqual({ count: 1 });
  });

  it('rejects an invalid sortBy or sortOrder with Camunda\'s messages', async () => {
    expectError(await f.api.get(`${f.root}/process-definition?sortBy=anInvalidSortByOption&sortOrder=asc`), 400,
      'InvalidRequestException', "Cannot set query parameter 'sortBy' to value 'anInvalidSortByOption'");
    expectError(await f.api.get(`${f.root}/process-definition?sortBy=category&sortOrder=anInvalidSortOrderOption`), 400,
      'InvalidRequestException', "Cannot set query parameter 'sortOrder' to value 'anInvalidSortOrderOption'");
  });

  it('rejects a non-boolean flag and a non-integer version with Camunda\'s messages', async () => {
    expectError(await f.api.get(`${f.root}/process-definition?active=neitherTrueNorFalse`), 400, 'InvalidRequestException',
      "Cannot set query parameter 'active' to value 'neitherTrueNorFalse': Cannot convert value neitherTrueNorFalse to java type java.lang.Boolean");
    expectError(await f.api.get(`${f.root}/process-definition?version=aString`), 400, 'InvalidRequestException',
      "Cannot set query parameter 'version' to value 'aString': Cannot convert value aString to java type java.lang.Integer");
  });
});

describe('GET /process-definition/{id}, /key/{key}, /key/{key}/tenant-id/{tenant}', () => {
  it('gets a definition by id', async () => {
    const res = expectStatus(await f.api.get(`${f.root}/process-definition/${ids['invoice1'] ?? ''}`), 200);
    expect(obj(res)).toMatchObject({ id: ids['invoice1'], key: 'invoiceKey', version: 1, name: 'Invoice' });
  });

  it('gets the latest version without tenant by key', async () => {
    expect(obj(expectStatus(await f.api.get(`${f.root}/process-definition/key/invoiceKey`), 200))['id']).toBe(ids['invoice2']);
    expect(obj(expectStatus(await f.api.get(`${f.root}/process-definition/key/sharedKey`), 200))['id']).toBe(ids['shared']);
  });

  it('gets the latest version of a tenant by key and tenant id', async () => {
    const res = expectStatus(await f.api.get(`${f.root}/process-definition/key/sharedKey/tenant-id/tenant2`), 200);
    expect(obj(res)).toMatchObject({ id: ids['sharedT2'], tenantId: 'tenant2' });
  });

  it('answers an unknown id with 404 InvalidRequestException', async () => {
    expectError(await f.api.get(`${f.root}/process-definition/nope`), 404, 'InvalidRequestException', 'No matching definition with id nope');
  });

  it('answers an unknown key, or a key deployed only for tenants, with 404 RestException', async () => {
    expectError(await f.api.get(`${f.root}/process-definition/key/nope`), 404, 'RestException',
      'No matching process definition with key: nope and no tenant-id');
    expectError(await f.api.get(`${f.root}/process-definition/key/tenantOnlyKey`), 404, 'RestException',
      'No matching process definition with key: tenantOnlyKey and no tenant-id');
    expectError(await f.api.get(`${f.root}/process-definition/key/sharedKey/tenant-id/tenant9`), 404, 'RestException',
      'No matching process definition with key: sharedKey and tenant-id: tenant9');
  });
});

describe('GET …/xml', () => {
  it('answers {id, bpmn20Xml} by id, key, and key and tenant', async () => {
    const byId = obj(expectStatus(await f.api.get(`${f.root}/process-definition/${ids['order'] ?? ''}/xml`), 200));
    expect(byId).toEqual({ id: ids['order'], bpmn20Xml: processXml('orderKey', { name: 'Order Handling', versionTag: '1.0' }) });
    const byKey = obj(expectStatus(await f.api.get(`${f.root}/process-definition/key/invoiceKey/xml`), 200));
    expect(byKey['id']).toBe(ids['invoice2']);
    expect(byKey['bpmn20Xml']).toContain('name="Invoice v2"');
    const byTenant = obj(expectStatus(await f.api.get(`${f.root}/process-definition/key/sharedKey/tenant-id/tenant1/xml`), 200));
    expect(byTenant['bpmn20Xml']).toContain('name="Shared T1"');
  });

  it('answers unknown ids and keys with 404', async () => {
    expectError(await f.api.get(`${f.root}/process-definition/nope/xml`), 404, 'InvalidRequestException', 'No matching definition with id nope');
    expectError(await f.api.get(`${f.root}/process-definition/key/nope/xml`), 404, 'RestException');
  });
});
