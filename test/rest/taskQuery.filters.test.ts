import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeClock } from '../../src/util/Clock.js';
import type { RestFixture } from '../helpers/restApp.js';
import { arr, expectError, expectStatus, type Json } from './support.js';
import { createTaskQueryFixture, queries, sorted, startRows, type Started } from './taskQuery.support.js';

let f: RestFixture & { clock: FakeClock };
let started: Started;
let q: ReturnType<typeof queries>;

beforeAll(async () => {
  f = await createTaskQueryFixture();
  started = await startRows(f);
  q = queries(f, started);
});

afterAll(async () => {
  await f.close();
});

const CASE_FILTERS = [
  'caseInstanceId', 'caseInstanceBusinessKey', 'caseInstanceBusinessKeyLike', 'caseDefinitionId', 'caseDefinitionKey',
  'caseDefinitionName', 'caseDefinitionNameLike', 'caseExecutionId',
];

describe('task query: CMMN filters (no case ids in m8flow)', () => {
  it.each(CASE_FILTERS)('%s matches no task, in GET, POST and count', async (name) => {
    expect(await q.get(`?${name}=anything`)).toEqual([]);
    expect(await q.post({ [name]: 'anything' })).toEqual([]);
    expect(await q.count(`?${name}=%25`)).toBe(0);
  });

  it('a case filter in an orQueries entry is an alternative that never holds', async () => {
    expect(sorted(await q.post({ orQueries: [{ caseInstanceId: 'c1', taskDefinitionKey: 'work' }] }))).toEqual(['t1', 't2', 't3', 't4']);
    expect(await q.post({ orQueries: [{ caseInstanceId: 'c1' }] })).toEqual([]);
  });

  it('caseInstanceVariables match no task but still check the operator as TaskQueryDto does', async () => {
    expect(await q.post({ caseInstanceVariables: [{ name: 'customer', operator: 'eq', value: 'Ada' }] })).toEqual([]);
    expect(await q.count('?caseInstanceVariables=customer_eq_Ada')).toBe(0);
    expectError(await f.api.post(`${f.root}/task`).send({ caseInstanceVariables: [{ name: 'customer', operator: 'notLike', value: 'x' }] }),
      400, 'InvalidRequestException', 'Invalid case variable comparator specified: notLike');
  });
});

describe('task query: names, descriptions and dates as Task.xml compares them', () => {
  it('compares name and description case-insensitively (UPPER on both sides)', async () => {
    expect(await q.get('?name=review%20INVOICE')).toEqual(['t1']);
    expect(sorted(await q.get('?nameLike=REVIEW%25'))).toEqual(['t1', 't2']);
    expect(sorted(await q.get('?nameNotLike=review%25'))).toEqual(['t3', 't4']);
    expect(sorted(await q.get('?nameNotEqual=APPROVE'))).toEqual(['t1', 't2', 't4']);
    expect(await q.get('?description=FIRST%20REVIEW')).toEqual(['t1']);
    expect(sorted(await q.get('?descriptionLike=%25REVIEW'))).toEqual(['t1', 't2']);
  });

  it('matches createdOn to the millisecond and updatedAfter on the creation time of never-updated tasks', async () => {
    expect(await q.get('?createdOn=2026-01-31T10:00:01.000%2B0000')).toEqual(['t2']);
    expect(await q.get('?createdOn=2026-01-31T10:00:01.001%2B0000')).toEqual([]);
    expect(sorted(await q.get('?updatedAfter=2026-01-31T10:00:01.500%2B0000'))).toEqual(['t3', 't4']);
  });

  it('matches due and follow-up dates exactly, and followUpBeforeOrNotExistent replaces followUpBefore', async () => {
    expect(await q.get('?dueDate=2026-02-01T10:00:00.000%2B0000')).toEqual(['t1']);
    expect(await q.get('?followUpDate=2026-02-03T10:00:00.000%2B0000')).toEqual(['t3']);
    expect(await q.get('?followUpBefore=2026-02-04T00:00:00.000%2B0000')).toEqual(['t3']);
    const both = '?followUpBefore=2026-02-04T00:00:00.000%2B0000&followUpBeforeOrNotExistent=2026-02-04T00:00:00.000%2B0000';
    expect(sorted(await q.get(both))).toEqual(['t1', 't3', 't4']);
  });

  it('escapes LIKE wildcards with a backslash on every database', async () => {
    expect(await q.post({ processVariables: [{ name: 'ref', operator: 'like', value: 'B\\%2' }] })).toEqual(['t2']);
    expect(await q.post({ processVariables: [{ name: 'ref', operator: 'like', value: 'A\\_%' }] })).toEqual(['t1']);
    expect(sorted(await q.post({ processVariables: [{ name: 'ref', operator: 'like', value: 'A_%' }] }))).toEqual(['t1', 't3']);
  });
});

describe('task query: candidates and identity links as one joined link row', () => {
  it('combines candidateGroup and candidateGroups as an intersection, in an or-query as a union', async () => {
    expect(await q.post({ candidateGroup: 'accounting', candidateGroups: ['accounting', 'management'] })).toEqual(['t1']);
    expect(await q.post({ candidateGroup: 'accounting', candidateGroups: ['management'] })).toEqual([]);
    const union = { orQueries: [{ candidateGroup: 'accounting', candidateGroups: ['management'], includeAssignedTasks: true }] };
    expect(sorted(await q.post(union))).toEqual(['t1', 't2', 't3']);
  });

  it('matches candidateUser or candidateGroupLike on the same link', async () => {
    expect(sorted(await q.post({ candidateUser: 'gonzo', candidateGroupLike: 'acc%' }))).toEqual(['t1', 't3']);
  });

  it('needs one link satisfying every candidate condition (withCandidateUsers with a group filter finds nothing)', async () => {
    expect(await q.post({ candidateGroup: 'accounting', withCandidateUsers: true })).toEqual([]);
    expect(sorted(await q.post({ withCandidateUsers: true }))).toEqual(['t1', 't3']);
    expect(sorted(await q.post({ withCandidateGroups: true, includeAssignedTasks: true }))).toEqual(['t1', 't2', 't3']);
  });

  it('withoutCandidateGroups / withoutCandidateUsers see unassigned tasks only unless includeAssignedTasks', async () => {
    expect(await q.get('?withoutCandidateGroups=true')).toEqual(['t4']);
    expect(sorted(await q.get('?withoutCandidateUsers=true'))).toEqual(['t4']);
    expect(sorted(await q.get('?withoutCandidateUsers=true&includeAssignedTasks=true'))).toEqual(['t2', 't4']);
  });

  it('involvedUser matches a link of any type, the assignee or the owner', async () => {
    expect(await q.get('?involvedUser=kermit')).toEqual(['t1']);
    expect(await q.get('?involvedUser=demo')).toEqual(['t2']);
  });

  it('tests the same link row for the candidate block of the query and of its or-queries', async () => {
    const body = { candidateGroup: 'management', includeAssignedTasks: true, orQueries: [{ candidateUser: 'gonzo', assignee: 'demo' }] };
    // t3 has a management link and a gonzo link, but no single link is both; t2 qualifies by its assignee.
    expect(await q.post(body)).toEqual(['t2']);
  });
});

describe('task query: Camunda\'s checks of filter combinations', () => {
  const engineError = async (body: Json, message: string) =>
    expectError(await f.api.post(`${f.root}/task`).send(body), 500, 'ProcessEngineException', message);

  it('refuses includeAssignedTasks without a candidate filter', async () => {
    await engineError({ includeAssignedTasks: true }, "Invalid query usage: candidateUser, candidateGroup, candidateGroupLike, candidateGroupIn, "
      + "withCandidateGroups, withoutCandidateGroups, withCandidateUsers, withoutCandidateUsers has to be called before 'includeAssignedTasks'.");
  });

  it('refuses candidateUser with candidateGroup or candidateGroups in a query, but not in an or-query', async () => {
    await engineError({ candidateUser: 'a', candidateGroup: 'b' }, 'Invalid query usage: cannot set both candidateUser and candidateGroup');
    await engineError({ candidateUser: 'a', candidateGroups: ['b'] }, 'Invalid query usage: cannot set both candidateGroupIn and candidateUser');
    expect(sorted(await q.post({ orQueries: [{ candidateUser: 'kermit', candidateGroup: 'management' }] }))).toEqual(['t1', 't3']);
  });

  it('refuses with/without candidate flags in an or-query', async () => {
    await engineError({ orQueries: [{ withCandidateGroups: true }] }, "Invalid query usage: cannot set withCandidateGroups() within 'or' query");
    await engineError({ orQueries: [{ withoutCandidateUsers: true }] }, "Invalid query usage: cannot set withoutCandidateUsers() within 'or' query");
  });

  it('refuses tenantIdIn with withoutTenantId, and due dates with withoutDueDate', async () => {
    await engineError({ tenantIdIn: ['a'], withoutTenantId: true }, 'Invalid query usage: cannot set both tenantIdIn and withoutTenantId filters.');
    await engineError({ dueBefore: '2026-01-01T00:00:00.000+0000', withoutDueDate: true },
      'Invalid query usage: cannot set both due date (equal to, before, or after) and withoutDueDate filters.');
    await engineError({ candidateGroups: [] }, 'Candidate group list is empty');
  });

  it('reads delegationState in any case and refuses other values with 400', async () => {
    expect(await q.get('?delegationState=pending')).toEqual([]);
    expectError(await f.api.get(`${f.root}/task?delegationState=open`), 400, 'InvalidRequestException',
      "Valid values for property 'delegationState' are 'PENDING' or 'RESOLVED', but was 'open'");
  });

  it('lets suspended win over active, as both set one field', async () => {
    expect(await q.get('?active=true&suspended=true')).toEqual([]);
    expect(await q.count('?active=true')).toBe(4);
  });

  it('filters by taskDefinitionKeyNotIn and ignores empty lists', async () => {
    expect(await q.post({ taskDefinitionKeyNotIn: ['work'] })).toEqual([]);
    expect(await q.postCount({ taskIdIn: [], assigneeIn: [] })).toBe(4);
  });
});

describe('task query: withCommentAttachmentInfo', () => {
  it('adds attachment and comment flags (always false: m8flow keeps neither)', async () => {
    const [row] = arr(expectStatus(await f.api.get(`${f.root}/task?withCommentAttachmentInfo=true&taskId=${started.task['t1'] ?? ''}`), 200));
    expect(row).toMatchObject({ id: started.task['t1'], attachment: false, comment: false });
    const [posted] = arr(expectStatus(await f.api.post(`${f.root}/task`).send({ withCommentAttachmentInfo: true, taskId: started.task['t2'] }), 200));
    expect(posted).toMatchObject({ attachment: false, comment: false });
    const [plain] = arr(expectStatus(await f.api.get(`${f.root}/task?taskId=${started.task['t1'] ?? ''}`), 200));
    expect(plain).not.toHaveProperty('attachment');
  });
});
