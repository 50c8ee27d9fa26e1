import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeClock } from '../../src/util/Clock.js';
import type { RestFixture } from '../helpers/restApp.js';
import { arr, expectError, expectStatus, field, obj, type Json } from './support.js';
import { createTaskQueryFixture, sorted, startRows, type Started } from './taskQuery.support.js';

let f: RestFixture & { clock: FakeClock };
let started: Started;
let names: Map<string, string>;

beforeAll(async () => {
  f = await createTaskQueryFixture();
  started = await startRows(f);
  names = new Map(Object.entries(started.task).map(([name, id]) => [id, name]));
  const task = (name: string) => `${f.root}/task/${started.task[name] ?? ''}`;
  // t1: a candidate group added and removed again, a task variable, claimed by its candidate kermit.
  expectStatus(await f.api.post(`${task('t1')}/identity-links`).send({ groupId: 'temp', type: 'candidate' }), 204);
  expectStatus(await f.api.post(`${task('t1')}/identity-links/delete`).send({ groupId: 'temp', type: 'candidate' }), 204);
  expectStatus(await f.api.put(`${task('t1')}/localVariables/Color`).send({ value: 'Red', type: 'String' }), 204);
  expectStatus(await f.api.post(`${task('t1')}/claim`).send({ userId: 'kermit' }), 204);
  // t2: the assignee demo is replaced by carol.
  expectStatus(await f.api.post(`${task('t2')}/assignee`).send({ userId: 'carol' }), 204);
  // t3: completed, which ends its process instance.
  expectStatus(await f.api.post(`${task('t3')}/complete`).send({}), 204);
  // t4: an owner.
  expectStatus(await f.api.post(`${task('t4')}/identity-links`).send({ userId: 'boss', type: 'owner' }), 204);
});

afterAll(async () => {
  await f.close();
});

const toNames = (rows: Json[]) => rows.map((row) => names.get(row['id'] as string) ?? row['id']);
const get = async (query: string) => toNames(arr(expectStatus(await f.api.get(`${f.root}/history/task${query}`), 200)));
const post = async (body: Json, query = '') => toNames(arr(expectStatus(await f.api.post(`${f.root}/history/task${query}`).send(body), 200)));
const count = async (query: string) => obj(expectStatus(await f.api.get(`${f.root}/history/task/count${query}`), 200))['count'];
const postCount = async (body: Json) => obj(expectStatus(await f.api.post(`${f.root}/history/task/count`).send(body), 200))['count'];

describe('GET/POST /history/task: process instance and definition filters', () => {
  it('filters by root process instance id and the instance\'s business key (eq, in, like)', async () => {
    expect(await get(`?rootProcessInstanceId=${started.instance['t2'] ?? ''}`)).toEqual(['t2']);
    expect(await get('?processInstanceBusinessKey=bk-3')).toEqual(['t3']);
    expect(sorted(await get('?processInstanceBusinessKeyIn=bk-1,bk-4'))).toEqual(['t1', 't4']);
    expect(await post({ processInstanceBusinessKeyIn: ['bk-2'] })).toEqual(['t2']);
    expect(await count('?processInstanceBusinessKeyLike=bk-%25')).toBe(4);
  });

  it('filters by the process definition name', async () => {
    expect(await count('?processDefinitionName=Task%20Query%20Process')).toBe(4);
    expect(await count('?processDefinitionName=Other')).toBe(0);
  });

  it('filters by the state of the process instance (processFinished / processUnfinished)', async () => {
    expect(await get('?processFinished=true')).toEqual(['t3']);
    expect(sorted(await get('?processUnfinished=true'))).toEqual(['t1', 't2', 't4']);
    // Camunda's DTO applies these flags whenever they are given, even as false.
    expect(await get('?processFinished=false')).toEqual(['t3']);
    expect(await postCount({ finished: false })).toBe(1);
  });

  it.each(['caseInstanceId', 'caseExecutionId', 'caseDefinitionId', 'caseDefinitionKey', 'caseDefinitionName'])(
    '%s matches no task (CMMN is not supported)', async (name) => {
      expect(await get(`?${name}=x`)).toEqual([]);
      expect(await postCount({ [name]: 'x' })).toBe(0);
    });
});

describe('GET/POST /history/task: dates, names and tenants', () => {
  it('filters by follow-up date before and after', async () => {
    expect(await get('?taskFollowUpDateBefore=2026-02-04T00:00:00.000%2B0000')).toEqual(['t3']);
    expect(await get('?taskFollowUpDateAfter=2026-02-04T00:00:00.000%2B0000')).toEqual(['t2']);
    expect(await get('?taskFollowUpDate=2026-02-05T10:00:00.000%2B0000')).toEqual(['t2']);
  });

  it('compares task names and descriptions case-insensitively', async () => {
    expect(sorted(await get('?taskNameLike=REVIEW%25'))).toEqual(['t1', 't2']);
    expect(await get('?taskName=approve')).toEqual(['t3']);
  });

  it('lets withoutTenantId win over tenantIdIn, and refuses due dates with withoutTaskDueDate', async () => {
    expect(await count('?tenantIdIn=a&withoutTenantId=true')).toBe(4);
    expectError(await f.api.post(`${f.root}/history/task`).send({ taskDueDateBefore: '2026-01-01T00:00:00.000+0000', withoutTaskDueDate: true }),
      500, 'ProcessEngineException', 'Invalid query usage: cannot set both task due date (equal to, before, or after) and withoutTaskDueDate filters.');
  });
});

describe('GET/POST /history/task: variables', () => {
  it('filters by task variables (eq only) and process variables (all operators)', async () => {
    expect(await get('?taskVariables=Color_eq_Red')).toEqual(['t1']);
    expect(sorted(await post({ processVariables: [{ name: 'amount', operator: 'gteq', value: 100 }] }))).toEqual(['t1', 't2']);
    expect(sorted(await post({ processVariables: [{ name: 'customer', operator: 'notLike', value: 'A%' }] }))).toEqual(['t2', 't4']);
    expectError(await f.api.post(`${f.root}/history/task`).send({ taskVariables: [{ name: 'Color', operator: 'neq', value: 'x' }] }),
      400, 'InvalidRequestException', 'Invalid variable comparator specified: neq');
    expectError(await f.api.post(`${f.root}/history/task`).send({ processVariables: [{ name: 'x', operator: 'in', value: 'x' }] }),
      400, 'InvalidRequestException', 'Invalid process variable comparator specified: in');
  });

  it('applies variableNamesIgnoreCase and variableValuesIgnoreCase to every variable filter', async () => {
    expect(await get('?taskVariables=color_eq_RED')).toEqual([]);
    expect(await get('?taskVariables=color_eq_RED&variableNamesIgnoreCase=true&variableValuesIgnoreCase=true')).toEqual(['t1']);
    expect(sorted(await post({ processVariables: [{ name: 'customer', operator: 'eq', value: 'ada' }], variableValuesIgnoreCase: true }))).toEqual(['t1', 't3']);
  });
});

describe('GET/POST /history/task: identity link history', () => {
  it('finds tasks a user or group was ever involved in, also as assignee or owner', async () => {
    expect(await get('?taskInvolvedUser=kermit')).toEqual(['t1']);
    expect(await get('?taskInvolvedUser=demo')).toEqual(['t2']);
    expect(await get('?taskInvolvedUser=boss')).toEqual(['t4']);
    expect(sorted(await get('?taskInvolvedGroup=management'))).toEqual(['t2', 't3']);
  });

  it('finds tasks that had a candidate user or group, including removed ones', async () => {
    expect(await get('?taskHadCandidateUser=gonzo')).toEqual(['t3']);
    expect(await get('?taskHadCandidateGroup=temp')).toEqual(['t1']);
    expect(await get('?taskHadCandidateUser=demo')).toEqual([]);
  });

  it('filters tasks with and without candidate groups (given flags apply even when false)', async () => {
    expect(sorted(await get('?withCandidateGroups=true'))).toEqual(['t1', 't2', 't3']);
    expect(await get('?withoutCandidateGroups=true')).toEqual(['t4']);
    expect(await get('?withoutCandidateGroups=false')).toEqual(['t4']);
  });

  it('needs one identity link history row for all identity link filters of a query, any row in an or-query', async () => {
    expect(await get('?taskInvolvedUser=demo&taskHadCandidateGroup=management')).toEqual([]);
    expect(sorted(await post({ orQueries: [{ taskInvolvedUser: 'demo', taskHadCandidateGroup: 'management' }] }))).toEqual(['t2', 't3']);
    expectError(await f.api.post(`${f.root}/history/task`).send({ orQueries: [{ withCandidateGroups: true }] }), 500, 'ProcessEngineException',
      "Invalid query usage: cannot set withCandidateGroups() within 'or' query");
  });
});

describe('GET/POST /history/task: orQueries and sorting', () => {
  it('ANDs every orQueries entry, each an OR of its filters', async () => {
    const body = { processUnfinished: true, orQueries: [{ taskName: 'archive', taskAssignee: 'carol' }] };
    expect(sorted(await post(body))).toEqual(['t2', 't4']);
    expect(await postCount(body)).toBe(2);
  });

  it('sorts by the case columns as by a null column (the next sorting decides)', async () => {
    const priority = { sortBy: 'priority', sortOrder: 'desc' };
    for (const sortBy of ['caseDefinitionId', 'caseInstanceId', 'caseExecutionId']) {
      expect(await post({ sorting: [{ sortBy, sortOrder: 'asc' }, priority] })).toEqual(['t4', 't3', 't2', 't1']);
      expect(await get(`?sortBy=${sortBy}&sortOrder=desc`)).toHaveLength(4);
    }
  });

  it('applies a POST sorting list as Camunda\'s AbstractQueryDto does', async () => {
    expectError(await f.api.post(`${f.root}/history/task`).send({ sorting: [{ sortBy: 'priority' }] }), 400, 'NotValidException',
      'Invalid query: call asc() or desc() after using orderByXX(): direction is null');
  });
});

describe('identity link history and history levels', () => {
  it('logs identity links at history level full only', async () => {
    const audit = await createTaskQueryFixture({ historyLevel: 'audit' });
    try {
      await startRows(audit);
      expect(obj(expectStatus(await audit.api.get(`${audit.root}/history/task/count?processInstanceBusinessKey=bk-1`), 200))['count']).toBe(1);
      expect(obj(expectStatus(await audit.api.get(`${audit.root}/history/task/count?taskInvolvedUser=kermit`), 200))['count']).toBe(0);
      const rows = await f.engine.persistence.read((uow) => uow.find('historicIdentityLink', {}));
      const t2 = rows.filter((row) => row.taskId === started.task['t2']).map((row) => `${row.operationType} ${row.type ?? ''} ${row.userId ?? row.groupId ?? ''}`);
      expect(t2.sort()).toEqual(['add assignee carol', 'add assignee demo', 'add candidate accounting', 'add candidate management', 'delete assignee demo']);
      expect(field(rows.find((row) => row.taskId === started.task['t2']) as unknown as Json, 'processDefinitionKey')).toBe('taskQueryProcess');
    } finally {
      await audit.close();
    }
  });
});
