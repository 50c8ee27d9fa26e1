import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/util/Clock.js';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployXml, expectError, expectStatus, fetchAndLock, field, obj, startByKey } from './support.js';

let f: RestFixture;
const clock = new FakeClock('2026-03-01T09:00:00.000Z');
let incidentId = '';

/** A process with candidate starters (attributes and a potentialStarter) and an external task. */
function starterXml(key: string, name: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d_${key}" targetNamespace="http://m8flow.test/${key}">
  <bpmn:process id="${key}" name="${name}" isExecutable="true" camunda:candidateStarterUsers="kermit, piggy" camunda:candidateStarterGroups="sales">
    <bpmn:extensionElements>
      <camunda:potentialStarter><bpmn:resourceAssignmentExpression><bpmn:formalExpression>user(fozzie), group(muppets)</bpmn:formalExpression></bpmn:resourceAssignmentExpression></camunda:potentialStarter>
    </bpmn:extensionElements>
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:serviceTask id="work" camunda:type="external" camunda:topic="filterWork" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

async function deployStarter(key: string, name: string): Promise<void> {
  const res = await f.api.post(`${f.root}/deployment/create`).field('deployment-name', key)
    .attach(`${key}.bpmn`, Buffer.from(starterXml(key, name)), { filename: `${key}.bpmn`, contentType: 'text/xml' });
  expectStatus(res, 200);
}

beforeAll(async () => {
  f = await createRestFixture({ clock });
  await deployStarter('alpha', 'Alpha Process');
  clock.advance(60_000);
  await deployXml(f, 'beta', { tenantId: 'tenant1', name: 'Beta' });
  clock.advance(60_000);
  await deployXml(f, 'gamma', { tenantId: 'tenant2', name: 'Gamma' });
  const pi = field(await startByKey(f, 'alpha'), 'id');
  const [task] = await fetchAndLock(f, { workerId: 'w', maxTasks: 5, topics: [{ topicName: 'filterWork', lockDuration: 60_000 }] });
  const failure = { workerId: 'w', errorMessage: 'boom: disk full', retries: 0, retryTimeout: 0 };
  expectStatus(await f.api.post(`${f.root}/external-task/${field(task, 'id')}/failure`).send(failure), 204);
  const [incident] = arr(expectStatus(await f.api.get(`${f.root}/incident?processInstanceId=${pi}`), 200));
  incidentId = field(incident, 'id');
});

afterAll(async () => {
  await f.close();
});

async function keys(query: string): Promise<unknown[]> {
  return arr(expectStatus(await f.api.get(`${f.root}/process-definition${query}`), 200)).map((d) => d['key']);
}

async function count(query: string): Promise<unknown> {
  return obj(expectStatus(await f.api.get(`${f.root}/process-definition/count${query}`), 200))['count'];
}

const byKey = '&sortBy=key&sortOrder=asc';

describe('GET /process-definition deployment time filters and sorting', () => {
  it('filters by deployedAfter with the deployment time, exclusive', async () => {
    expect(await keys(`?deployedAfter=2026-03-01T09:00:00.000%2B0000${byKey}`)).toEqual(['beta', 'gamma']);
    expect(await keys('?deployedAfter=2026-03-01T09:01:00.000%2B0000')).toEqual(['gamma']);
    expect(await count('?deployedAfter=2026-03-01T09:02:00.000%2B0000')).toBe(0);
  });

  it('filters by deployedAt with the exact deployment time', async () => {
    expect(await keys('?deployedAt=2026-03-01T09:01:00.000%2B0000')).toEqual(['beta']);
    expect(await count('?deployedAt=2026-03-01T09:01:00.001%2B0000')).toBe(0);
  });

  it('sorts by deployTime in both directions', async () => {
    expect(await keys('?sortBy=deployTime&sortOrder=asc')).toEqual(['alpha', 'beta', 'gamma']);
    expect(await keys('?sortBy=deployTime&sortOrder=desc')).toEqual(['gamma', 'beta', 'alpha']);
    expect(await keys('?sortBy=deployTime&sortOrder=desc&firstResult=1&maxResults=1')).toEqual(['beta']);
  });

  it('sorts by tenantId in both directions', async () => {
    expect(await keys('?tenantIdIn=tenant1,tenant2&sortBy=tenantId&sortOrder=asc')).toEqual(['beta', 'gamma']);
    expect(await keys('?tenantIdIn=tenant1,tenant2&sortBy=tenantId&sortOrder=desc')).toEqual(['gamma', 'beta']);
  });

  it('rejects an unparsable deployedAfter date', async () => {
    expectError(await f.api.get(`${f.root}/process-definition?deployedAfter=yesterday`), 400, 'InvalidRequestException',
      'Cannot set query parameter \'deployedAfter\' to value \'yesterday\': Cannot convert value "yesterday" to java type java.util.Date');
  });
});

describe('GET /process-definition startableBy', () => {
  it('matches definitions naming the user as candidate starter', async () => {
    expect(await keys('?startableBy=kermit')).toEqual(['alpha']);
    expect(await keys('?startableBy=piggy')).toEqual(['alpha']);
    expect(await keys('?startableBy=fozzie')).toEqual(['alpha']);
    expect(await count('?startableBy=kermit')).toBe(1);
  });

  it('matches nothing for users that are no candidate starters', async () => {
    expect(await keys('?startableBy=gonzo')).toEqual([]);
    expect(await count('?startableBy=sales')).toBe(0);
  });

  it('counts the groups of the authenticated caller asking about itself', async () => {
    const request = { filters: { startableBy: 'gonzo' }, sorting: [] };
    const asGonzo = { userId: 'gonzo', groupIds: ['muppets'], tenantIds: [] };
    expect((await f.engine.repository.queryProcessDefinitions(request, asGonzo)).map((d) => d.key)).toEqual(['alpha']);
    expect(await f.engine.repository.countProcessDefinitions(request, { ...asGonzo, groupIds: ['other'] })).toBe(0);
    expect(await f.engine.repository.countProcessDefinitions({ filters: { startableBy: 'animal' }, sorting: [] }, asGonzo)).toBe(0);
  });

  it('stores the candidate starters as identity links of type candidate and deletes them with the deployment', async () => {
    await deployStarter('omega', 'Omega');
    const [omega] = arr(expectStatus(await f.api.get(`${f.root}/process-definition?key=omega`), 200));
    const links = () => f.engine.persistence.read((uow) => uow.find('identityLink', { where: { kind: 'compare', field: 'processDefinitionId', op: '=', value: field(omega, 'id') } }));
    expect((await links()).map((l) => [l.type, l.userId, l.groupId, l.taskId, l.tenantId]).sort()).toEqual([
      ['candidate', 'fozzie', null, null, null], ['candidate', 'kermit', null, null, null], ['candidate', 'piggy', null, null, null],
      ['candidate', null, 'muppets', null, null], ['candidate', null, 'sales', null, null],
    ].sort());
    expectStatus(await f.api.delete(`${f.root}/deployment/${field(omega, 'deploymentId')}`), 204);
    expect(await links()).toEqual([]);
    expect(await keys('?startableBy=kermit')).toEqual(['alpha']);
  });

  it('accepts startablePermissionCheck, which only narrows with authorization enabled', async () => {
    expect(await keys(`?startablePermissionCheck=true${byKey}`)).toEqual(['alpha', 'beta', 'gamma']);
    expect(await count('?startablePermissionCheck=true&startableBy=kermit')).toBe(1);
  });
});

describe('GET /process-definition incident filters', () => {
  it('finds definitions by incident id, type, message and message pattern', async () => {
    expect(await keys(`?incidentId=${incidentId}`)).toEqual(['alpha']);
    expect(await keys('?incidentType=failedExternalTask')).toEqual(['alpha']);
    expect(await keys('?incidentMessage=boom:%20disk%20full')).toEqual(['alpha']);
    expect(await keys('?incidentMessageLike=boom%25')).toEqual(['alpha']);
    expect(await count('?incidentType=failedExternalTask')).toBe(1);
  });

  it('matches nothing for other incidents', async () => {
    expect(await keys('?incidentType=failedJob')).toEqual([]);
    expect(await keys('?incidentMessageLike=%25network%25')).toEqual([]);
    expect(await count('?incidentId=nope')).toBe(0);
  });

  it('wants one incident matching all incident filters together', async () => {
    expect(await keys(`?incidentId=${incidentId}&incidentType=failedExternalTask&incidentMessageLike=boom%25`)).toEqual(['alpha']);
    expect(await keys(`?incidentId=${incidentId}&incidentMessage=other`)).toEqual([]);
  });
});

describe('GET /process-definition tenant filters', () => {
  it('widens tenantIdIn with includeProcessDefinitionsWithoutTenantId on list and count', async () => {
    expect(await keys(`?tenantIdIn=tenant1&includeProcessDefinitionsWithoutTenantId=true${byKey}`)).toEqual(['alpha', 'beta']);
    expect(await count('?tenantIdIn=tenant1&includeProcessDefinitionsWithoutTenantId=true')).toBe(2);
    expect(await count('?tenantIdIn=tenant1&includeProcessDefinitionsWithoutTenantId=false')).toBe(1);
    expect(await count('?includeProcessDefinitionsWithoutTenantId=true')).toBe(3);
  });

  it('lets withoutTenantId win over tenantIdIn', async () => {
    expect(await keys('?tenantIdIn=tenant1&withoutTenantId=true')).toEqual(['alpha']);
  });
});

describe('GET /process-definition nameLike', () => {
  it('compares names case-insensitively, as Camunda does', async () => {
    expect(await keys('?nameLike=%25PROCESS%25')).toEqual(['alpha']);
    expect(await keys(`?nameLike=beta${byKey}`)).toEqual(['beta']);
  });
});
