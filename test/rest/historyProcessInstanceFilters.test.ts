import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/util/Clock.js';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployXml, expectError, expectStatus, fetchAndLock, field, obj, processXml, startByKey, type Json } from './support.js';

let f: RestFixture;
const clock = new FakeClock('2026-03-03T09:00:00.000Z');
/** Instance ids by business key. */
const pi: Record<string, string> = {};
/** Incident ids by business key. */
const incidents: Record<string, string> = {};

const EXTERNAL_XML = processXml('hiExternal', { body: 'external', topic: 'hiWork' });

async function start(key: string, businessKey: string, variables: Json = {}): Promise<void> {
  pi[businessKey] = field(await startByKey(f, key, { businessKey, variables }), 'id');
}

/** Fails an instance's external task for good (an incident) and returns the task id. */
async function failExternalTask(businessKey: string, errorMessage: string): Promise<string> {
  await fetchAndLock(f, { workerId: 'w', maxTasks: 10, topics: [{ topicName: 'hiWork', lockDuration: 600_000 }] });
  const tasks = arr(expectStatus(await f.api.get(`${f.root}/external-task?processInstanceId=${pi[businessKey] ?? ''}`), 200));
  const id = field(tasks.find((t) => t['processInstanceId'] === pi[businessKey]), 'id');
  expectStatus(await f.api.post(`${f.root}/external-task/${id}/failure`).send({ workerId: 'w', errorMessage, retries: 0, retryTimeout: 0 }), 204);
  const [incident] = arr(expectStatus(await f.api.get(`${f.root}/incident?processInstanceId=${pi[businessKey]}`), 200));
  incidents[businessKey] = field(incident, 'id');
  return id;
}

async function completeUserTask(businessKey: string): Promise<void> {
  const [task] = arr(expectStatus(await f.api.get(`${f.root}/task?processInstanceId=${pi[businessKey]}`), 200));
  expectStatus(await f.api.post(`${f.root}/task/${field(task, 'id')}/complete`).send({}), 204);
}

/** Makes `child` an instance called from `parent`, as a call activity will record it in history. */
async function linkCalledInstance(parent: string, child: string): Promise<void> {
  await f.engine.persistence.transaction(async (uow) => {
    const row = await uow.get('historicProcessInstance', child);
    if (row) row.superProcessInstanceId = parent;
  });
}

beforeAll(async () => {
  f = await createRestFixture({ clock });
  await deployXml(f, 'hiTask');
  const res = await f.api.post(`${f.root}/deployment/create`).field('deployment-name', 'hext')
    .attach('hext.bpmn', Buffer.from(EXTERNAL_XML), { filename: 'hext.bpmn', contentType: 'text/xml' });
  expectStatus(res, 200);
  await start('hiTask', 'done', { customer: { value: 'Acme Corp' }, amount: { value: 5 } });
  await start('hiTask', 'waiting', { customer: { value: 'acme corp' }, amount: { value: 1 } });
  await start('hiExternal', 'broken');
  await start('hiExternal', 'fixed');
  await start('hiExternal', 'healthy');
  clock.advance(60_000); // 09:01
  await failExternalTask('broken', 'disk full');
  const fixedTask = await failExternalTask('fixed', 'timeout after 30s');
  clock.advance(60_000); // 09:02
  expectStatus(await f.api.put(`${f.root}/external-task/${fixedTask}/retries`).send({ retries: 3 }), 204);
  await completeUserTask('done');
  await linkCalledInstance(pi['waiting'] ?? '', pi['healthy'] ?? '');
  // A second historic variable named amount in the same instance: task-local, 20.
  const [task] = arr(expectStatus(await f.api.get(`${f.root}/task?processInstanceId=${pi['waiting']}`), 200));
  expectStatus(await f.api.put(`${f.root}/task/${field(task, 'id')}/localVariables/amount`).send({ value: 20, type: 'Integer' }), 204);
});

afterAll(async () => {
  await f.close();
});

async function keys(query: string): Promise<unknown[]> {
  const list = arr(expectStatus(await f.api.get(`${f.root}/history/process-instance${query}`), 200));
  return list.map((p) => p['businessKey']).sort();
}

async function count(query: string): Promise<unknown> {
  return obj(expectStatus(await f.api.get(`${f.root}/history/process-instance/count${query}`), 200))['count'];
}

async function posted(body: Json): Promise<unknown[]> {
  const list = arr(expectStatus(await f.api.post(`${f.root}/history/process-instance`).send(body), 200));
  return list.map((p) => p['businessKey']).sort();
}

async function postedCount(body: Json): Promise<unknown> {
  return obj(expectStatus(await f.api.post(`${f.root}/history/process-instance/count`).send(body), 200))['count'];
}

const ALL = ['broken', 'done', 'fixed', 'healthy', 'waiting'];

describe('historic process instance id filters', () => {
  it('excludes instances with processInstanceIdNotIn', async () => {
    expect(await keys(`?processInstanceIdNotIn=${pi['done']},${pi['broken']}`)).toEqual(['fixed', 'healthy', 'waiting']);
    expect(await postedCount({ processInstanceIdNotIn: [pi['done']] })).toBe(ALL.length - 1);
    expect(await postedCount({ processInstanceIdNotIn: [] })).toBe(ALL.length);
  });
});

describe('historic process instance incident filters', () => {
  it('finds instances with open or resolved incidents', async () => {
    expect(await keys('?withIncidents=true')).toEqual(['broken', 'fixed']);
    expect(await keys('?withRootIncidents=true')).toEqual(['broken', 'fixed']);
    expect(await count('?withIncidents=false')).toBe(ALL.length);
    expect(await postedCount({ withIncidents: true })).toBe(2);
  });

  it('filters by incident status open or resolved', async () => {
    expect(await keys('?incidentStatus=open')).toEqual(['broken']);
    expect(await keys('?incidentStatus=resolved')).toEqual(['fixed']);
    expect(await posted({ incidentStatus: 'resolved' })).toEqual(['fixed']);
  });

  it('filters by incident ids, type, message and message pattern', async () => {
    expect(await keys(`?incidentIdIn=${incidents['broken']},unknown`)).toEqual(['broken']);
    expect(await posted({ incidentIdIn: [incidents['fixed']] })).toEqual(['fixed']);
    expect(await keys('?incidentType=failedExternalTask')).toEqual(['broken', 'fixed']);
    expect(await count('?incidentType=failedJob')).toBe(0);
    expect(await keys('?incidentMessage=disk%20full')).toEqual(['broken']);
    expect(await keys('?incidentMessageLike=timeout%25')).toEqual(['fixed']);
  });

  it('wants one incident matching all incident filters together', async () => {
    expect(await keys('?incidentStatus=open&incidentMessageLike=%25full')).toEqual(['broken']);
    expect(await keys('?incidentStatus=open&incidentMessage=timeout%20after%2030s')).toEqual([]);
    expect(await postedCount({ incidentIdIn: [incidents['broken']], incidentStatus: 'resolved' })).toBe(0);
  });

  it('keeps the historic incident rows: open, resolved with end time, annotated', async () => {
    expectStatus(await f.api.put(`${f.root}/incident/${incidents['broken']}/annotation`).send({ annotation: 'disk ordered' }), 204);
    const rows = await f.engine.persistence.read((uow) => uow.find('historicIncident', { orderBy: [{ field: 'incidentMessage', direction: 'asc' }] }));
    expect(rows.map((r) => [r.processInstanceId, r.incidentState, r.endTime?.toISOString() ?? null, r.annotation])).toEqual([
      [pi['broken'], 0, null, 'disk ordered'],
      [pi['fixed'], 1, '2026-03-03T09:02:00.000Z', null],
    ]);
    expect(rows[0]).toMatchObject({ incidentType: 'failedExternalTask', processDefinitionKey: 'hiExternal', activityId: 'work',
      createTime: new Date('2026-03-03T09:01:00.000Z'), rootCauseIncidentId: incidents['broken'] });
  });
});

describe('historic process instance job filters (m8flow has no jobs yet)', () => {
  it('matches nothing with withJobsRetrying, executedJobAfter or executedJobBefore', async () => {
    expect(await keys('?withJobsRetrying=true')).toEqual([]);
    expect(await count('?withJobsRetrying=false')).toBe(ALL.length);
    expect(await keys('?executedJobAfter=2000-01-01T00:00:00.000%2B0000')).toEqual([]);
    expect(await postedCount({ executedJobBefore: '2100-01-01T00:00:00.000+0000' })).toBe(0);
  });
});

describe('historic process instance activity filters', () => {
  it('filters by activities started or ended within executedActivityAfter/Before', async () => {
    expect(await keys('?executedActivityAfter=2026-03-03T09:01:30.000%2B0000')).toEqual(['done']);
    expect(await count('?executedActivityBefore=2026-03-03T09:00:00.000%2B0000')).toBe(ALL.length);
    expect(await keys('?executedActivityAfter=2026-03-03T09:03:00.000%2B0000')).toEqual([]);
    expect(await posted({ executedActivityAfter: '2026-03-03T09:01:30.000+0000', executedActivityBefore: '2026-03-03T09:02:00.000+0000' }))
      .toEqual(['done']);
  });

  it('filters by ended activities with executedActivityIdIn and running ones with activeActivityIdIn', async () => {
    expect(await keys('?executedActivityIdIn=wait')).toEqual(['done']);
    expect(await keys('?activeActivityIdIn=wait')).toEqual(['waiting']);
    expect(await keys('?activeActivityIdIn=work,wait')).toEqual(['broken', 'fixed', 'healthy', 'waiting']);
    expect(await postedCount({ executedActivityIdIn: ['start'] })).toBe(ALL.length);
  });

  it('wants one historic activity for executedActivityIdIn and activeActivityIdIn together, as Camunda joins one row', async () => {
    expect(await keys('?executedActivityIdIn=start&activeActivityIdIn=wait')).toEqual([]);
  });

  it('filters by current runtime activity with activityIdIn', async () => {
    expect(await keys('?activityIdIn=work')).toEqual(['broken', 'fixed', 'healthy']);
    expect(await posted({ activityIdIn: ['wait', 'end'] })).toEqual(['waiting']);
  });
});

describe('historic process instance super and sub instances', () => {
  it('finds the caller of a sub instance with subProcessInstanceId', async () => {
    expect(await keys(`?subProcessInstanceId=${pi['healthy']}`)).toEqual(['waiting']);
    expect(await keys(`?subProcessInstanceId=${pi['done']}`)).toEqual([]);
    expect(await keys(`?superProcessInstanceId=${pi['waiting']}`)).toEqual(['healthy']);
    expect(await keys('?rootProcessInstances=true')).toEqual(['broken', 'done', 'fixed', 'waiting']);
  });

  it('refuses rootProcessInstances with superProcessInstanceId or superCaseInstanceId', async () => {
    expectError(await f.api.get(`${f.root}/history/process-instance?rootProcessInstances=true&superProcessInstanceId=x`), 400,
      'BadUserRequestException', 'Invalid query usage: cannot set both rootProcessInstances and superProcessInstanceId');
    expectError(await f.api.post(`${f.root}/history/process-instance/count`).send({ rootProcessInstances: true, superCaseInstanceId: 'x' }), 400,
      'BadUserRequestException', 'Invalid query usage: cannot set both rootProcessInstances and superCaseInstanceId');
  });

  it('matches nothing for case instance filters (CMMN is not supported)', async () => {
    for (const name of ['caseInstanceId', 'superCaseInstanceId', 'subCaseInstanceId']) {
      expect(await keys(`?${name}=anyCase`)).toEqual([]);
      expect(await postedCount({ [name]: 'anyCase' })).toBe(0);
    }
  });
});

describe('historic process instance variable filters with ignore-case flags', () => {
  it('matches variable names ignoring case with variableNamesIgnoreCase', async () => {
    expect(await keys('?variables=CUSTOMER_eq_Acme%20Corp')).toEqual([]);
    expect(await keys('?variables=CUSTOMER_eq_Acme%20Corp&variableNamesIgnoreCase=true')).toEqual(['done']);
  });

  it('matches string values ignoring case with variableValuesIgnoreCase', async () => {
    expect(await keys('?variables=customer_eq_ACME%20CORP&variableValuesIgnoreCase=true')).toEqual(['done', 'waiting']);
    expect(await postedCount({ variables: [{ name: 'Customer', operator: 'like', value: 'ACME%' }],
      variableNamesIgnoreCase: true, variableValuesIgnoreCase: true })).toBe(2);
  });

  it('applies all conditions on one name to the same historic variable, task-local ones included', async () => {
    const amount = (operator: string, value: number) => ({ name: 'amount', operator, value });
    expect(await posted({ variables: [amount('gt', 10)] })).toEqual(['waiting']);
    expect(await posted({ variables: [amount('lt', 2)] })).toEqual(['waiting']);
    expect(await posted({ variables: [amount('gt', 10), amount('lt', 2)] })).toEqual([]);
    expect(await posted({ variables: [amount('gt', 1), amount('lt', 10)] })).toEqual(['done']);
    expect(await postedCount({ variables: [amount('gt', 10), { name: 'customer', operator: 'eq', value: 'acme corp' }] })).toBe(1);
  });
});

describe('POST /history/process-instance orQueries', () => {
  it('joins the filters of an entry with OR', async () => {
    expect(await posted({ orQueries: [{ incidentStatus: 'open', processInstanceBusinessKey: 'done' }] })).toEqual(['broken', 'done']);
    expect(await postedCount({ orQueries: [{ incidentStatus: 'open', activeActivityIdIn: ['wait'] }], processDefinitionKey: 'hiTask' })).toBe(1);
  });
});

describe('historic incidents below history level full', () => {
  it('are not recorded, so withIncidents finds nothing', async () => {
    const audit = await createRestFixture({ clock: new FakeClock('2026-03-03T09:00:00.000Z'), historyLevel: 'audit' });
    try {
      const res = await audit.api.post(`${audit.root}/deployment/create`).field('deployment-name', 'hext')
        .attach('hext.bpmn', Buffer.from(EXTERNAL_XML), { filename: 'hext.bpmn', contentType: 'text/xml' });
      expectStatus(res, 200);
      expectStatus(await audit.api.post(`${audit.root}/process-definition/key/hiExternal/start`).send({}), 200);
      const [task] = await fetchAndLock(audit, { workerId: 'w', maxTasks: 1, topics: [{ topicName: 'hiWork', lockDuration: 1_000 }] });
      const failure = { workerId: 'w', errorMessage: 'boom', retries: 0, retryTimeout: 0 };
      expectStatus(await audit.api.post(`${audit.root}/external-task/${field(task, 'id')}/failure`).send(failure), 204);
      expect(obj(expectStatus(await audit.api.get(`${audit.root}/incident/count`), 200))['count']).toBe(1);
      expect(obj(expectStatus(await audit.api.get(`${audit.root}/history/process-instance/count?withIncidents=true`), 200))['count']).toBe(0);
    } finally {
      await audit.close();
    }
  });
});
