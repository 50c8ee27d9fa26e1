import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '../../src/command/CommandContext.js';
import { readConfig } from '../../src/config.js';
import type { FakeClock } from '../../src/util/Clock.js';
import type { RestFixture } from '../helpers/restApp.js';
import { expectError, expectStatus, type Json } from './support.js';
import { createTaskQueryFixture, queries, sorted, startRows, type Started } from './taskQuery.support.js';

const QUERY_CLASS = 'org.camunda.bpm.engine.impl.TaskQueryImpl';

describe('M8FLOW_EXPRESSIONS_IN_ADHOC_QUERIES', () => {
  it('is off by default, on with true, and refuses other values at start-up', () => {
    expect(readConfig({}).expressionsInAdhocQueries).toBe(false);
    expect(readConfig({ M8FLOW_EXPRESSIONS_IN_ADHOC_QUERIES: 'true' }).expressionsInAdhocQueries).toBe(true);
    expect(() => readConfig({ M8FLOW_EXPRESSIONS_IN_ADHOC_QUERIES: 'yes' })).toThrow('M8FLOW_EXPRESSIONS_IN_ADHOC_QUERIES must be true or false');
  });
});

describe('task query expressions when the engine forbids them (Camunda\'s default)', () => {
  let f: RestFixture & { clock: FakeClock };

  beforeAll(async () => {
    f = await createTaskQueryFixture();
  });

  afterAll(async () => {
    await f.close();
  });

  const FORBIDDEN = 'Expressions are forbidden in adhoc queries. This behavior can be toggled in the process engine configuration';

  it('refuses an expression with 400 BadUserRequestException in GET, POST, count and orQueries', async () => {
    expectError(await f.api.get(`${f.root}/task?assigneeExpression=${encodeURIComponent('${currentUser()}')}`), 400, 'BadUserRequestException', FORBIDDEN);
    expectError(await f.api.get(`${f.root}/task/count?dueBeforeExpression=${encodeURIComponent('${now()}')}`), 400, 'BadUserRequestException', FORBIDDEN);
    const formsflow = { orQueries: [{ assigneeExpression: '${currentUser()}', candidateGroupsExpression: '${currentUserGroups()}', includeAssignedTasks: true }] };
    expectError(await f.api.post(`${f.root}/task`).send(formsflow), 400, 'BadUserRequestException', FORBIDDEN);
    expectError(await f.api.post(`${f.root}/task/count`).send({ ownerExpression: '${"x"}' }), 400, 'BadUserRequestException', FORBIDDEN);
  });
});

describe('task query expressions with enableExpressionsInAdhocQueries', () => {
  let f: RestFixture & { clock: FakeClock };
  let started: Started;
  let q: ReturnType<typeof queries>;

  beforeAll(async () => {
    f = await createTaskQueryFixture({ expressions: true });
    started = await startRows(f);
    q = queries(f, started);
    // t4 gets an owner (and so lastUpdated = 10:00:04); the clock stays at 10:00:04.
    expectStatus(await f.api.post(`${f.root}/task/${started.task['t4'] ?? ''}/identity-links`).send({ userId: 'boss', type: 'owner' }), 204);
  });

  afterAll(async () => {
    await f.close();
  });

  const get = (name: string, expression: string) => q.get(`?${name}=${encodeURIComponent(expression)}`);

  it('evaluates text expressions for business key, assignee, owner, candidates and involved user', async () => {
    expect(await get('processInstanceBusinessKeyExpression', "${'bk-1'}")).toEqual(['t1']);
    expect(await q.count(`?processInstanceBusinessKeyLikeExpression=${encodeURIComponent("${'bk-%'}")}`)).toBe(4);
    expect(await get('assigneeExpression', "${'de'.concat('mo')}")).toEqual(['t2']);
    expect(await get('assigneeLikeExpression', "${'d%'}")).toEqual(['t2']);
    expect(await get('ownerExpression', "${'boss'}")).toEqual(['t4']);
    expect(await get('candidateGroupExpression', "${'management'}")).toEqual(['t3']);
    expect(await get('candidateUserExpression', "${'kermit'}")).toEqual(['t1']);
    expect(await get('involvedUserExpression', "${'boss'}")).toEqual(['t4']);
  });

  it('evaluates date expressions with now() and dateTime()', async () => {
    expect(sorted(await get('dueAfterExpression', '${now()}'))).toEqual(['t1', 't2']);
    expect(await get('dueBeforeExpression', '${dateTime().plusDays(1).toDate()}')).toEqual(['t1']);
    expect(await get('dueDateExpression', '${dateTime().withTimeAtStartOfDay().plusDays(1).plusHours(10)}')).toEqual(['t1']);
    expect(sorted(await get('followUpAfterExpression', '${now()}'))).toEqual(['t2', 't3']);
    expect(await get('followUpBeforeExpression', '${dateTime().plusDays(4)}')).toEqual(['t3']);
    expect(sorted(await get('followUpBeforeOrNotExistentExpression', '${dateTime().plusDays(4)}'))).toEqual(['t1', 't3', 't4']);
    expect(await get('followUpDateExpression', '${dateTime().withTimeAtStartOfDay().plusDays(3).plusHours(10)}')).toEqual(['t3']);
    expect(await get('createdOnExpression', '${dateTime().withTimeAtStartOfDay().plusHours(10).plusSeconds(1)}')).toEqual(['t2']);
    expect(await get('createdAfterExpression', '${dateTime().minusSeconds(2)}')).toEqual(['t4']);
    expect(await get('createdBeforeExpression', '${dateTime().minusSeconds(3)}')).toEqual(['t1']);
    expect(await get('updatedAfterExpression', '${dateTime().minusSeconds(2)}')).toEqual(['t4']);
  });

  it('lets the expression win over the plain filter, and a null business key expression drop the filter', async () => {
    expect(await q.get(`?assignee=kermit&assigneeExpression=${encodeURIComponent("${'demo'}")}`)).toEqual(['t2']);
    expect(await q.post({ processInstanceBusinessKey: 'bk-2', processInstanceBusinessKeyExpression: '${null}' })).toHaveLength(4);
  });

  it('reports an unauthenticated currentUser() as Camunda does: the setter refuses null', async () => {
    expectError(await f.api.get(`${f.root}/task?assigneeExpression=${encodeURIComponent('${currentUser()}')}`), 500, 'ProcessEngineException',
      `Unable to invoke method 'taskAssignee' on class '${QUERY_CLASS}'`);
    expectError(await f.api.post(`${f.root}/task`).send({ candidateGroupsExpression: '${currentUserGroups()}' }), 500, 'ProcessEngineException',
      `Unable to invoke method 'taskCandidateGroupIn' on class '${QUERY_CLASS}'`);
  });

  it('reports expressions that fail or give the wrong type', async () => {
    expectError(await f.api.post(`${f.root}/task`).send({ assigneeExpression: '${unknown}' }), 500, 'ProcessEngineException',
      `Unable to resolve expression '\${unknown}' for method 'taskAssignee' on class '${QUERY_CLASS}'`);
    expectError(await f.api.post(`${f.root}/task`).send({ assigneeExpression: '${42}' }), 500, 'IllegalArgumentException', 'argument type mismatch');
    expectError(await f.api.post(`${f.root}/task`).send({ dueDateExpression: "${'tomorrow'}" }), 500, 'IllegalArgumentException', 'argument type mismatch');
  });

  it('evaluates formsflow\'s default filter for the authenticated user of the command', async () => {
    const filter = { assigneeExpression: '${currentUser()}', candidateGroupsExpression: '${currentUserGroups()}', includeAssignedTasks: true };
    const demo: AuthContext = { userId: 'demo', groupIds: ['management'], tenantIds: [] };
    const tasks = await f.engine.tasks.queryTasks({ filters: { orQueries: [filter] }, sorting: [{ sortBy: 'created', sortOrder: 'asc' }] }, demo);
    expect(tasks.map((t) => t.id)).toEqual([started.task['t2'], started.task['t3']]);
    const kermit: AuthContext = { userId: 'kermit', groupIds: ['accounting'], tenantIds: [] };
    expect(await f.engine.tasks.countTasks({ filters: { orQueries: [filter] }, sorting: [] }, kermit)).toBe(2);
    const mine = await f.engine.tasks.queryTasks({ filters: { candidateUserExpression: '${currentUser()}' }, sorting: [] }, kermit);
    expect(mine.map((t) => t.id)).toEqual([started.task['t1']]);
  });

  it('checks expression filters like their plain filters (candidateUserExpression with candidateGroup)', async () => {
    const body: Json = { orQueries: [{ candidateGroup: 'a', candidateUserExpression: "${'b'}" }] };
    expectError(await f.api.post(`${f.root}/task`).send(body), 500, 'ProcessEngineException', 'Invalid query usage: cannot set both candidateUser and candidateGroup');
  });
});
