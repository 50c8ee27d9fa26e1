import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/util/Clock.js';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployXml, expectError, expectStatus, fetchAndLock, field, obj, processXml, startByKey, type Json } from './support.js';

let f: RestFixture;
const clock = new FakeClock('2026-03-02T09:00:00.000Z');
/** Instance ids by business key. */
const pi: Record<string, string> = {};

const EXTERNAL_XML = processXml('piExternal', { body: 'external', topic: 'piWork' });

async function start(key: string, businessKey: string, variables: Json = {}): Promise<void> {
  pi[businessKey] = field(await startByKey(f, key, { businessKey, variables }), 'id');
}

async function startForTenant(key: string, tenantId: string, businessKey: string, variables: Json): Promise<void> {
  const res = await f.api.post(`${f.root}/process-definition/key/${key}/tenant-id/${tenantId}/start`).send({ businessKey, variables });
  pi[businessKey] = field(obj(expectStatus(res, 200)), 'id');
}

/** Fails the external task of an instance for good, which raises a failedExternalTask incident. */
async function failExternalTask(businessKey: string, errorMessage: string): Promise<void> {
  await fetchAndLock(f, { workerId: 'w', maxTasks: 10, topics: [{ topicName: 'piWork', lockDuration: 600_000 }] });
  const tasks = arr(expectStatus(await f.api.get(`${f.root}/external-task?processInstanceId=${pi[businessKey] ?? ''}`), 200));
  const task = tasks.find((t) => t['processInstanceId'] === pi[businessKey]);
  const failure = { workerId: 'w', errorMessage, retries: 0, retryTimeout: 0 };
  expectStatus(await f.api.post(`${f.root}/external-task/${field(task, 'id')}/failure`).send(failure), 204);
}

/** Makes `child` a process instance called from `parent` (what a call activity will record: SUPER_EXEC_). */
async function linkCalledInstance(parent: string, child: string): Promise<void> {
  await f.engine.persistence.transaction(async (uow) => {
    const execution = await uow.get('execution', child);
    if (execution) execution.superExecutionId = parent;
  });
}

beforeAll(async () => {
  f = await createRestFixture({ clock });
  await deployXml(f, 'piTask');
  await deployXml(f, 'piTenant', { tenantId: 'tenant1' });
  const res = await f.api.post(`${f.root}/deployment/create`).field('deployment-name', 'ext')
    .attach('ext.bpmn', Buffer.from(EXTERNAL_XML), { filename: 'ext.bpmn', contentType: 'text/xml' });
  expectStatus(res, 200);
  await start('piTask', 'plain', { customer: { value: 'Acme Corp' }, amount: { value: 5 } });
  await startForTenant('piTenant', 'tenant1', 'tenanted', { customer: { value: 'acme corp' } });
  await start('piExternal', 'broken');
  await start('piExternal', 'healthy');
  await start('piTask', 'parent');
  await start('piTask', 'child');
  await failExternalTask('broken', 'connection refused');
  await linkCalledInstance(pi['parent'] ?? '', pi['child'] ?? '');
});

afterAll(async () => {
  await f.close();
});

async function keys(query: string): Promise<unknown[]> {
  const list = arr(expectStatus(await f.api.get(`${f.root}/process-instance${query}`), 200));
  return list.map((p) => p['businessKey']).sort();
}

async function count(query: string): Promise<unknown> {
  return obj(expectStatus(await f.api.get(`${f.root}/process-instance/count${query}`), 200))['count'];
}

async function posted(body: Json): Promise<unknown[]> {
  const list = arr(expectStatus(await f.api.post(`${f.root}/process-instance`).send(body), 200));
  return list.map((p) => p['businessKey']).sort();
}

async function postedCount(body: Json): Promise<unknown> {
  return obj(expectStatus(await f.api.post(`${f.root}/process-instance/count`).send(body), 200))['count'];
}

const ALL = ['broken', 'child', 'healthy', 'parent', 'plain', 'tenanted'];

describe('process instance case filters (CMMN is not supported)', () => {
  it('matches nothing for any caseInstanceId, superCaseInstance or subCaseInstance', async () => {
    for (const name of ['caseInstanceId', 'superCaseInstance', 'subCaseInstance']) {
      expect(await keys(`?${name}=anyCase`)).toEqual([]);
      expect(await count(`?${name}=anyCase`)).toBe(0);
      expect(await posted({ [name]: 'anyCase' })).toEqual([]);
      expect(await postedCount({ [name]: 'anyCase' })).toBe(0);
    }
  });
});

describe('process instance super and sub instances', () => {
  it('finds the instances called from a super instance', async () => {
    expect(await keys(`?superProcessInstance=${pi['parent']}`)).toEqual(['child']);
    expect(await count(`?superProcessInstance=${pi['parent']}`)).toBe(1);
    expect(await posted({ superProcessInstance: pi['parent'] })).toEqual(['child']);
  });

  it('finds the instance that called a sub instance', async () => {
    expect(await keys(`?subProcessInstance=${pi['child']}`)).toEqual(['parent']);
    expect(await postedCount({ subProcessInstance: pi['child'] })).toBe(1);
  });

  it('matches nothing for instances that call or were called by none', async () => {
    expect(await keys(`?superProcessInstance=${pi['plain']}`)).toEqual([]);
    expect(await keys(`?subProcessInstance=${pi['plain']}`)).toEqual([]);
    expect(await count('?superProcessInstance=unknown')).toBe(0);
  });

  it('keeps root instances (no super execution) with rootProcessInstances', async () => {
    expect(await keys('?rootProcessInstances=true')).toEqual(ALL.filter((k) => k !== 'child'));
    expect(await count('?rootProcessInstances=false')).toBe(ALL.length);
    expect(await postedCount({ rootProcessInstances: true })).toBe(ALL.length - 1);
  });

  it('keeps leaf instances (calling none) with leafProcessInstances', async () => {
    expect(await keys('?leafProcessInstances=true')).toEqual(ALL.filter((k) => k !== 'parent'));
    expect(await posted({ leafProcessInstances: true, rootProcessInstances: true })).toEqual(['broken', 'healthy', 'plain', 'tenanted']);
  });

  it('refuses rootProcessInstances with superProcessInstance and leafProcessInstances with subProcessInstance', async () => {
    expectError(await f.api.get(`${f.root}/process-instance?rootProcessInstances=true&superProcessInstance=x`), 500, 'ProcessEngineException',
      'Invalid query usage: cannot set both rootProcessInstances and superProcessInstanceId');
    expectError(await f.api.post(`${f.root}/process-instance/count`).send({ leafProcessInstances: true, subProcessInstance: 'x' }), 500,
      'ProcessEngineException', 'Invalid query usage: cannot set both leafProcessInstances and subProcessInstanceId');
  });
});

describe('process instance tenant filters', () => {
  it('keeps instances of definitions without tenant with processDefinitionWithoutTenantId', async () => {
    expect(await keys('?processDefinitionWithoutTenantId=true')).toEqual(ALL.filter((k) => k !== 'tenanted'));
    expect(await postedCount({ processDefinitionWithoutTenantId: true })).toBe(ALL.length - 1);
    expect(await count('?processDefinitionWithoutTenantId=false')).toBe(ALL.length);
  });

  it('lets withoutTenantId win over tenantIdIn', async () => {
    expect(await count('?tenantIdIn=tenant1&withoutTenantId=true')).toBe(ALL.length - 1);
    expect(await keys('?tenantIdIn=tenant1')).toEqual(['tenanted']);
  });
});

describe('process instance incident filters', () => {
  it('wants one incident matching all incident filters', async () => {
    expect(await keys('?withIncident=true&incidentType=failedExternalTask&incidentMessage=connection%20refused')).toEqual(['broken']);
    expect(await keys('?incidentType=failedExternalTask&incidentMessageLike=%25timeout%25')).toEqual([]);
    expect(await posted({ incidentMessageLike: 'connection%', withIncident: false })).toEqual(['broken']);
  });
});

describe('process instance activity filter', () => {
  it('finds instances with an execution at one of the activities', async () => {
    expect(await keys('?activityIdIn=work')).toEqual(['broken', 'healthy']);
    expect(await posted({ activityIdIn: ['wait', 'nowhere'], tenantIdIn: ['tenant1'] })).toEqual(['tenanted']);
  });
});

describe('process instance variable filters with ignore-case flags', () => {
  it('matches variable names ignoring case with variableNamesIgnoreCase', async () => {
    expect(await keys('?variables=CUSTOMER_eq_Acme%20Corp')).toEqual([]);
    expect(await keys('?variables=CUSTOMER_eq_Acme%20Corp&variableNamesIgnoreCase=true')).toEqual(['plain']);
    expect(await postedCount({ variables: [{ name: 'Amount', operator: 'eq', value: 5 }], variableNamesIgnoreCase: true })).toBe(1);
  });

  it('matches string values ignoring case with variableValuesIgnoreCase', async () => {
    expect(await keys('?variables=customer_eq_ACME%20CORP')).toEqual([]);
    expect(await keys('?variables=customer_eq_ACME%20CORP&variableValuesIgnoreCase=true')).toEqual(['plain', 'tenanted']);
    expect(await posted({ variables: [{ name: 'customer', operator: 'like', value: 'ACME%' }], variableValuesIgnoreCase: true }))
      .toEqual(['plain', 'tenanted']);
  });

  it('refuses the notLike operator, which the instance query DTO does not know', async () => {
    expectError(await f.api.post(`${f.root}/process-instance`).send({ variables: [{ name: 'customer', operator: 'notLike', value: 'x%' }] }),
      400, 'InvalidRequestException', 'Invalid variable comparator specified: notLike');
  });

  it('combines both flags', async () => {
    expect(await count('?variables=Customer_eq_acme%20CORP&variableNamesIgnoreCase=true&variableValuesIgnoreCase=true')).toBe(2);
  });
});

describe('POST /process-instance orQueries', () => {
  it('joins the filters of an entry with OR and every entry with AND', async () => {
    const body = { orQueries: [{ businessKey: 'plain', incidentType: 'failedExternalTask', superProcessInstance: pi['parent'] }] };
    expect(await posted(body)).toEqual(['broken', 'child', 'plain']);
    expect(await postedCount({ ...body, processDefinitionKey: 'piTask' })).toBe(2);
    expect(await posted({ orQueries: [{ businessKey: 'plain', tenantIdIn: ['tenant1'] }, { activityIdIn: ['wait'] }] })).toEqual(['plain', 'tenanted']);
  });

  it('lets an entry without conditions keep every instance', async () => {
    expect(await postedCount({ orQueries: [{}] })).toBe(ALL.length);
  });

  it('ignores the sorting and nested orQueries of an entry, as Camunda applies only its filters', async () => {
    const entry = { businessKey: 'plain', sorting: [{ sortBy: 'nonsense', sortOrder: 'asc' }], orQueries: [{ businessKey: 'child' }] };
    expect(await posted({ orQueries: [entry] })).toEqual(['plain']);
  });
});
