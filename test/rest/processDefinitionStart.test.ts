import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { deployXml, expectError, expectStatus, field, obj, type Json } from './support.js';

let f: RestFixture;
let waitId: string;

function onlyDefinition(deployment: Json): Json {
  const [definition] = Object.values(deployment['deployedProcessDefinitions'] as Record<string, Json>);
  return definition ?? {};
}

beforeAll(async () => {
  f = await createRestFixture();
  waitId = field(onlyDefinition(await deployXml(f, 'waitKey')), 'id');
  await deployXml(f, 'waitKey', { tenantId: 'tenant1' });
  await deployXml(f, 'straightKey', { body: 'none' });
});

afterAll(async () => {
  await f.close();
});

describe('POST /process-definition/…/start', () => {
  it('starts by id with business key and variables and answers the ProcessInstanceDto with a self link', async () => {
    const res = await f.api.post(`${f.root}/process-definition/${waitId}/start`)
      .send({ businessKey: 'order-1', variables: { amount: { value: 42, type: 'Integer' }, customer: { value: 'Ada' } } });
    const body = obj(expectStatus(res, 200));
    const id = field(body, 'id');
    expect(body).toEqual({
      links: [{ method: 'GET', href: expect.stringMatching(new RegExp(`/engine-rest/process-instance/${id}$`)) as unknown, rel: 'self' }],
      id, definitionId: waitId, definitionKey: 'waitKey', businessKey: 'order-1', caseInstanceId: null, ended: false,
      suspended: false, tenantId: null,
    });
    const count = obj(expectStatus(await f.api.post(`${f.root}/process-instance/count`)
      .send({ businessKey: 'order-1', variables: [{ name: 'amount', operator: 'eq', value: 42 }] }), 200));
    expect(count).toEqual({ count: 1 });
  });

  it('accepts the Modeler\'s start body with variables null', async () => {
    const res = await f.api.post(`${f.root}/process-definition/${waitId}/start`).send({ businessKey: null, variables: null });
    expect(obj(expectStatus(res, 200))['businessKey']).toBeNull();
  });

  it('accepts an empty body', async () => {
    expectStatus(await f.api.post(`${f.root}/process-definition/key/waitKey/start`), 200);
  });

  it('starts the latest version without tenant by key, and a tenant\'s by key and tenant id', async () => {
    const byKey = obj(expectStatus(await f.api.post(`${f.root}/process-definition/key/waitKey/start`).send({}), 200));
    expect(byKey).toMatchObject({ definitionId: waitId, tenantId: null });
    const byTenant = obj(expectStatus(await f.api.post(`${f.root}/process-definition/key/waitKey/tenant-id/tenant1/start`).send({}), 200));
    expect(byTenant['tenantId']).toBe('tenant1');
    expect(byTenant['definitionId']).not.toBe(waitId);
  });

  it('returns the variables with withVariablesInReturn', async () => {
    const res = await f.api.post(`${f.root}/process-definition/key/waitKey/start`)
      .send({ variables: { amount: { value: 7, type: 'integer' }, flag: { value: true } }, withVariablesInReturn: true });
    const body = obj(expectStatus(res, 200));
    expect(body['variables']).toEqual({
      amount: { type: 'Integer', value: 7, valueInfo: {} },
      flag: { type: 'Boolean', value: true, valueInfo: {} },
    });
  });

  it('answers ended=true and the last variables for an instance that ends during start', async () => {
    const res = await f.api.post(`${f.root}/process-definition/key/straightKey/start`)
      .send({ variables: { note: { value: 'done', type: 'String' } }, withVariablesInReturn: true });
    const body = obj(expectStatus(res, 200));
    expect(body['ended']).toBe(true);
    expect(body['variables']).toEqual({ note: { type: 'String', value: 'done', valueInfo: {} } });
  });

  it('answers an unknown key with 404 RestException', async () => {
    expectError(await f.api.post(`${f.root}/process-definition/key/nope/start`).send({}), 404, 'RestException',
      'No matching process definition with key: nope and no tenant-id');
    expectError(await f.api.post(`${f.root}/process-definition/key/waitKey/tenant-id/tenant9/start`).send({}), 404, 'RestException',
      'No matching process definition with key: waitKey and tenant-id: tenant9');
  });

  it('answers an unknown id with 500 RestException "Cannot instantiate process definition …"', async () => {
    const res = await f.api.post(`${f.root}/process-definition/nope/start`).send({});
    expectError(res, 500, 'RestException', /^Cannot instantiate process definition nope: /);
  });

  it('refuses case instances instead of ignoring them', async () => {
    const before = obj(expectStatus(await f.api.get(`${f.root}/process-instance/count`), 200))['count'];
    expectError(await f.api.post(`${f.root}/process-definition/${waitId}/start`).send({ caseInstanceId: 'c1' }),
      400, 'InvalidRequestException', /M8-02004 caseInstanceId is not supported/);
    expect(obj(expectStatus(await f.api.get(`${f.root}/process-instance/count`), 200))['count']).toBe(before);
  });

  it('starts at start instructions with local and process variables', async () => {
    const res = await f.api.post(`${f.root}/process-definition/${waitId}/start`).send({
      withVariablesInReturn: true,
      startInstructions: [
        { type: 'cancel', activityId: 'ignored' },
        { type: 'startBeforeActivity', activityId: 'wait', variables: { here: { value: 1, local: true }, everywhere: { value: 'yes' } } },
      ],
    });
    const body = obj(expectStatus(res, 200));
    expect(body['variables']).toMatchObject({ everywhere: { value: 'yes', type: 'String' } });
    const tree = obj(expectStatus(await f.api.get(`${f.root}/process-instance/${field(body, 'id')}/activity-instances`), 200));
    expect((tree['childActivityInstances'] as Json[]).map((c) => c['activityId'])).toEqual(['wait']);
  });

  it('answers an instruction without its target with Camunda\'s 400', async () => {
    expectError(await f.api.post(`${f.root}/process-definition/${waitId}/start`).send({ startInstructions: [{ type: 'startBeforeActivity' }] }),
      400, 'InvalidRequestException', `Cannot instantiate process definition ${waitId}: For instruction type 'startBeforeActivity': 'activityId' must be set`);
  });

  it('words the unknown-id start failure as Camunda does', async () => {
    expectError(await f.api.post(`${f.root}/process-definition/nope/start`).send({}), 500, 'RestException',
      "Cannot instantiate process definition nope: no deployed process definition found with id 'nope': processDefinition is null");
  });

  it('rejects an unknown variable type with 400 naming the definition', async () => {
    const res = await f.api.post(`${f.root}/process-definition/${waitId}/start`).send({ variables: { x: { value: 1, type: 'NoSuchType' } } });
    expectError(res, 400, 'InvalidRequestException', new RegExp(`^Cannot instantiate process definition ${waitId.replace(/[:.]/g, '\\$&')}: `));
  });
});

describe('GET …/form-variables', () => {
  it('answers an empty map for a start event without form fields', async () => {
    expect(obj(expectStatus(await f.api.get(`${f.root}/process-definition/key/waitKey/form-variables`), 200))).toEqual({});
    expect(obj(expectStatus(await f.api.get(`${f.root}/process-definition/${waitId}/form-variables`), 200))).toEqual({});
  });
});
