import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { WIRE_DATE, arr, expectError, expectStatus, field, fixture, obj, processXml, type Json } from './support.js';

let f: RestFixture;

beforeAll(async () => {
  f = await createRestFixture();
});

afterAll(async () => {
  await f.close();
});

const taskXml = readFileSync(fixture('task.bpmn'));

async function countDeployments(): Promise<number> {
  return obj(expectStatus(await f.api.get(`${f.root}/deployment/count`), 200))['count'] as number;
}

function definitionsOf(body: Json): Json[] {
  const map = body['deployedProcessDefinitions'];
  expect(map).not.toBeNull();
  return Object.values(map as Record<string, Json>);
}

describe('POST /deployment/create', () => {
  it('deploys a Modeler upload with the file part named after the file', async () => {
    const res = await f.api.post(`${f.root}/deployment/create`)
      .field('deployment-name', 'modeler-upload').field('deployment-source', 'Camunda Modeler')
      .field('enable-duplicate-filtering', 'true')
      .attach('task.bpmn', taskXml, { filename: 'task.bpmn', contentType: 'text/xml' });
    expectStatus(res, 200);
    expect(res.headers['content-type']).toBe('application/json');
    const body = obj(res);
    expect(body).toMatchObject({
      name: 'modeler-upload', source: 'Camunda Modeler', tenantId: null,
      deployedCaseDefinitions: null, deployedDecisionDefinitions: null, deployedDecisionRequirementsDefinitions: null,
    });
    expect(body['deploymentTime']).toMatch(WIRE_DATE);
    const id = field(body, 'id');
    expect(body['links']).toEqual([{ method: 'GET', href: expect.stringMatching(new RegExp(`/engine-rest/deployment/${id}$`)) as unknown, rel: 'self' }]);
    const map = body['deployedProcessDefinitions'] as Record<string, Json>;
    const [definition] = Object.values(map);
    expect(Object.keys(map)).toEqual([field(definition, 'id')]);
    expect(definition).toMatchObject({
      key: 'taskProcess', name: 'Task Process', version: 1, resource: 'task.bpmn', deploymentId: id,
      suspended: false, tenantId: null, versionTag: null, category: 'http://m8flow.test/task', description: null,
      diagram: null, historyTimeToLive: null, startableInTasklist: true,
    });
  });

  it('names resources by the file name of any part, like formsflow\'s "upload" part', async () => {
    const res = await f.api.post(`${f.root}/deployment/create`)
      .field('deployment-name', 'formsflow').field('enable-duplicate-filtering', 'true').field('deploy-changed-only', 'false')
      .attach('upload', Buffer.from(processXml('formsflowKey')), { filename: 'formsflowKey.bpmn', contentType: 'text/bpmn' });
    const body = obj(expectStatus(res, 200));
    expect(definitionsOf(body).map((d) => d['resource'])).toEqual(['formsflowKey.bpmn']);
  });

  it('refuses a delayed activation time instead of activating at once, deploying nothing', async () => {
    const before = await countDeployments();
    const res = await f.api.post(`${f.root}/deployment/create`)
      .field('deployment-name', 'later').field('deployment-activation-time', '2030-01-01T00:00:00.000+0000')
      .attach('later.bpmn', Buffer.from(processXml('laterKey')), { filename: 'later.bpmn', contentType: 'text/xml' });
    expectError(res, 400, 'InvalidRequestException', /^M8-02002 deployment-activation-time is not supported yet/);
    expect(await countDeployments()).toBe(before);
  });

  it('returns the existing deployment with null definition maps when duplicate filtering finds no change', async () => {
    const deploy = () => f.api.post(`${f.root}/deployment/create`)
      .field('deployment-name', 'dup').field('deployment-source', 'Camunda Modeler').field('enable-duplicate-filtering', 'true')
      .attach('dup.bpmn', Buffer.from(processXml('dupKey')), { filename: 'dup.bpmn', contentType: 'text/xml' });
    const first = obj(expectStatus(await deploy(), 200));
    const before = await countDeployments();
    const second = obj(expectStatus(await deploy(), 200));
    expect(second['id']).toBe(first['id']);
    expect(second['deployedProcessDefinitions']).toBeNull();
    expect(second['deployedDecisionDefinitions']).toBeNull();
    expect(await countDeployments()).toBe(before);
  });

  it('deploys a new version when duplicate filtering sees changed content', async () => {
    const deploy = (name: string) => f.api.post(`${f.root}/deployment/create`)
      .field('deployment-name', 'changing').field('enable-duplicate-filtering', 'true')
      .attach('changing.bpmn', Buffer.from(processXml('changingKey', { name })), { filename: 'changing.bpmn' });
    obj(expectStatus(await deploy('first'), 200));
    const second = obj(expectStatus(await deploy('second'), 200));
    expect(definitionsOf(second).map((d) => [d['name'], d['version']])).toEqual([['second', 2]]);
  });

  it('deploys only the changed resources with deploy-changed-only, which implies duplicate filtering', async () => {
    const upload = (bName: string) => f.api.post(`${f.root}/deployment/create`)
      .field('deployment-name', 'partial').field('deploy-changed-only', 'TRUE')
      .attach('a.bpmn', Buffer.from(processXml('partialA')), { filename: 'a.bpmn' })
      .attach('b.bpmn', Buffer.from(processXml('partialB', { name: bName })), { filename: 'b.bpmn' });
    obj(expectStatus(await upload('one'), 200));
    const unchanged = obj(expectStatus(await upload('one'), 200));
    expect(unchanged['deployedProcessDefinitions']).toBeNull();
    const changed = obj(expectStatus(await upload('two'), 200));
    expect(changed['id']).not.toBe(unchanged['id']);
    expect(definitionsOf(changed).map((d) => [d['key'], d['version']])).toEqual([['partialB', 2]]);
    const resources = arr(expectStatus(await f.api.get(`${f.root}/deployment/${field(changed, 'id')}/resources`), 200));
    expect(resources.map((r) => r['name'])).toEqual(['b.bpmn']);
  });

  it('deploys for the tenant given in tenant-id', async () => {
    const res = await f.api.post(`${f.root}/deployment/create`).field('deployment-name', 'tenant').field('tenant-id', 'tenant1')
      .attach('tenantKey.bpmn', Buffer.from(processXml('tenantKey')), { filename: 'tenantKey.bpmn' });
    const body = obj(expectStatus(res, 200));
    expect(body['tenantId']).toBe('tenant1');
    expect(definitionsOf(body).map((d) => d['tenantId'])).toEqual(['tenant1']);
  });

  it('deploys non-BPMN attachments as resources and answers null definition maps', async () => {
    const res = await f.api.post(`${f.root}/deployment/create`).field('deployment-name', 'attachments')
      .attach('form.form', Buffer.from('{"components":[]}'), { filename: 'form.form', contentType: 'application/json' });
    const body = obj(expectStatus(res, 200));
    expect(body['deployedProcessDefinitions']).toBeNull();
    const resources = arr(expectStatus(await f.api.get(`${f.root}/deployment/${field(body, 'id')}/resources`), 200));
    expect(resources.map((r) => r['name'])).toEqual(['form.form']);
  });

  it('rejects malformed BPMN with a 400 ParseException, details per resource, and deploys nothing', async () => {
    const before = await countDeployments();
    const res = await f.api.post(`${f.root}/deployment/create`).field('deployment-name', 'broken')
      .attach('broken.bpmn', Buffer.from('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p"'), { filename: 'broken.bpmn' });
    const body = expectError(res, 400, 'ParseException');
    expect(field(body, 'message').startsWith('ENGINE-09005 Could not parse BPMN process.')).toBe(true);
    const details = body['details'] as Record<string, { errors: Json[]; warnings: Json[] }>;
    expect(Object.keys(details)).toEqual(['broken.bpmn']);
    expect(details['broken.bpmn']?.errors.length).toBeGreaterThan(0);
    expect(details['broken.bpmn']?.errors[0]).toMatchObject({ message: expect.any(String) as unknown, line: expect.any(Number) as unknown, column: expect.any(Number) as unknown });
    expect(Array.isArray(details['broken.bpmn']?.warnings)).toBe(true);
    expect(await countDeployments()).toBe(before);
  });

  it('reports an invalid process (user task without outgoing target) with its element id', async () => {
    const xml = processXml('invalidKey').replace('targetRef="end"', 'targetRef="missing"');
    const res = await f.api.post(`${f.root}/deployment/create`).attach('invalid.bpmn', Buffer.from(xml), { filename: 'invalid.bpmn' });
    const body = expectError(res, 400, 'ParseException', /^ENGINE-09005 Could not parse BPMN process\. Errors: /);
    const report = (body['details'] as Record<string, { errors: Json[] }>)['invalid.bpmn'];
    expect(report?.errors.length).toBeGreaterThan(0);
  });

  it('rejects a form upload without files with 400', async () => {
    const res = await f.api.post(`${f.root}/deployment/create`).field('deployment-name', 'empty');
    expectError(res, 400, 'InvalidRequestException', 'No deployment resources contained in the form upload.');
  });

  it('rejects a non-reserved form field without a file name with 400', async () => {
    const res = await f.api.post(`${f.root}/deployment/create`).field('deployment-name', 'x').field('something', 'text')
      .attach('ok.bpmn', Buffer.from(processXml('okKey')), { filename: 'ok.bpmn' });
    expectError(res, 400, 'InvalidRequestException', "No file name found in the deployment resource described by form parameter 'null'.");
  });
});
