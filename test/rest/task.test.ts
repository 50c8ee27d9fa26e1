import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/util/Clock.js';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployFixtures, expectError, expectStatus, field, obj, startByKey, type Json } from './support.js';
import { createTaskQueryFixture } from './taskQuery.support.js';

let f: RestFixture;
const clock = new FakeClock('2026-01-31T10:00:00.000Z');
/** Task id by business key of its instance (one review task each). */
const task: Record<string, string> = {};
const instance: Record<string, string> = {};

beforeAll(async () => {
  f = await createRestFixture({ clock });
  await deployFixtures(f, ['task.bpmn', 'parallel.bpmn']);
  const starts: [string, number, string][] = [['k1', 10, 'Ada'], ['k2', 40, 'Bob'], ['k3', 20, 'Ada'], ['k4', 30, 'Cy']];
  for (const [businessKey, priority, customer] of starts) {
    const started = await startByKey(f, 'taskProcess', { businessKey, variables: { priority: { value: priority }, customer: { value: customer } } });
    instance[businessKey] = field(started, 'id');
    const [row] = arr(expectStatus(await f.api.get(`${f.root}/task?processInstanceId=${instance[businessKey] ?? ''}`), 200));
    task[businessKey] = field(row, 'id');
    clock.advance(1_000);
  }
  instance['par'] = field(await startByKey(f, 'parallelProcess', { businessKey: 'par' }), 'id');
  expectStatus(await f.api.post(`${f.root}/task/${task['k2'] ?? ''}/claim`).send({ userId: 'demo' }), 204);
});

afterAll(async () => {
  await f.close();
});

async function ids(query: string): Promise<unknown[]> {
  return arr(expectStatus(await f.api.get(`${f.root}/task${query}`), 200)).map((t) => t['id']);
}

async function postIds(body: Json, query = ''): Promise<unknown[]> {
  return arr(expectStatus(await f.api.post(`${f.root}/task${query}`).send(body), 200)).map((t) => t['id']);
}

async function count(query: string): Promise<unknown> {
  return obj(expectStatus(await f.api.get(`${f.root}/task/count${query}`), 200))['count'];
}

describe('GET /task', () => {
  it('lists tasks with every TaskDto key', async () => {
    const [row] = arr(expectStatus(await f.api.get(`${f.root}/task?processInstanceId=${instance['k1'] ?? ''}`), 200));
    expect(row).toEqual({
      id: task['k1'], name: 'Review', assignee: null, owner: null, created: '2026-01-31T10:00:00.000+0000', lastUpdated: null,
      due: null, followUp: null, delegationState: null, description: null, executionId: instance['k1'], parentTaskId: null,
      priority: 10, processDefinitionId: expect.stringMatching(/^taskProcess:1:/) as unknown, processInstanceId: instance['k1'],
      caseExecutionId: null, caseDefinitionId: null, caseInstanceId: null, taskDefinitionKey: 'review', suspended: false,
      formKey: null, camundaFormRef: null, tenantId: null, taskState: 'Created',
    });
  });

  it('filters candidate-group tasks to unassigned ones unless includeAssignedTasks is set', async () => {
    expect(await ids('?candidateGroup=reviewers&sortBy=created&sortOrder=asc')).toEqual([task['k1'], task['k3'], task['k4']]);
    expect(await count('?candidateGroup=reviewers&includeAssignedTasks=true')).toBe(4);
    expect(await count('?candidateGroup=nobody')).toBe(0);
  });

  it('filters by assignee, assigned and unassigned', async () => {
    expect(await ids('?assignee=demo')).toEqual([task['k2']]);
    expect(await count('?assigned=true')).toBe(1);
    expect(await count('?unassigned=true')).toBe(5);
  });

  it('filters by process variables', async () => {
    expect(await ids('?processVariables=customer_eq_Ada&sortBy=priority&sortOrder=desc')).toEqual([task['k3'], task['k1']]);
    // As in Camunda (VariableListConverter), GET values are text: '30' is compared with String variables only.
    expect(await ids('?processVariables=priority_gteq_30&sortBy=priority&sortOrder=asc')).toEqual([]);
    const numeric = { processVariables: [{ name: 'priority', operator: 'gteq', value: 30 }], sorting: [{ sortBy: 'priority', sortOrder: 'asc' }] };
    expect(await postIds(numeric)).toEqual([task['k4'], task['k2']]);
  });

  it('filters by instance, definition, business key, task definition key and name', async () => {
    expect(await count('?processDefinitionKey=taskProcess')).toBe(4);
    expect(await count('?processDefinitionKey=parallelProcess')).toBe(2);
    expect(await ids('?processInstanceBusinessKey=k3')).toEqual([task['k3']]);
    expect(await count('?taskDefinitionKey=taskA')).toBe(1);
    expect(await count('?nameLike=Task%25')).toBe(2);
    expect(await count('?minPriority=20&maxPriority=30')).toBe(2);
  });

  it('sorts by created and priority and pages', async () => {
    expect(await ids('?processDefinitionKey=taskProcess&sortBy=created&sortOrder=desc')).toEqual([task['k4'], task['k3'], task['k2'], task['k1']]);
    expect(await ids('?processDefinitionKey=taskProcess&sortBy=priority&sortOrder=desc')).toEqual([task['k2'], task['k4'], task['k3'], task['k1']]);
    expect(await ids('?processDefinitionKey=taskProcess&sortBy=priority&sortOrder=asc&firstResult=1&maxResults=2')).toEqual([task['k3'], task['k4']]);
  });

  it('filters by creation date', async () => {
    expect(await ids('?createdAfter=2026-01-31T10:00:01.500%2B0000&processDefinitionKey=taskProcess&sortBy=created&sortOrder=asc'))
      .toEqual([task['k3'], task['k4']]);
    expect(await ids('?createdBefore=2026-01-31T10:00:00.500%2B0000&processDefinitionKey=taskProcess')).toEqual([task['k1']]);
  });

  it('rejects an invalid sortBy and an invalid date', async () => {
    expectError(await f.api.get(`${f.root}/task?sortBy=nope&sortOrder=asc`), 400, 'InvalidRequestException', "Cannot set query parameter 'sortBy' to value 'nope'");
    expectError(await f.api.get(`${f.root}/task?createdAfter=yesterday`), 400, 'InvalidRequestException',
      /^Cannot set query parameter 'createdAfter' to value 'yesterday'/);
  });
});

describe('POST /task and /task/count', () => {
  it('queries with a body, a sorting array and paging in the query string', async () => {
    const sorting = [{ sortBy: 'priority', sortOrder: 'desc' }, { sortBy: 'created', sortOrder: 'asc' }];
    expect(await postIds({ processDefinitionKey: 'taskProcess', sorting })).toEqual([task['k2'], task['k4'], task['k3'], task['k1']]);
    expect(await postIds({ processDefinitionKey: 'taskProcess', sorting }, '?firstResult=2&maxResults=5')).toEqual([task['k3'], task['k1']]);
  });

  it('filters by processVariables entries with eq and like', async () => {
    const body = { processVariables: [{ name: 'customer', operator: 'eq', value: 'Ada' }], sorting: [{ sortBy: 'created', sortOrder: 'asc' }] };
    expect(await postIds(body)).toEqual([task['k1'], task['k3']]);
    expect(await postIds({ processVariables: [{ name: 'customer', operator: 'like', value: 'B%' }] })).toEqual([task['k2']]);
  });

  it('ORs the conditions of an orQueries entry and ANDs the entry with the outer query', async () => {
    const body = {
      processDefinitionKey: 'taskProcess',
      orQueries: [{ assignee: 'demo', processInstanceBusinessKey: 'k4' }],
      sorting: [{ sortBy: 'created', sortOrder: 'asc' }],
    };
    expect(await postIds(body)).toEqual([task['k2'], task['k4']]);
    const wider = await postIds({ orQueries: [{ assignee: 'demo', taskDefinitionKey: 'taskA' }] });
    expect(wider).toHaveLength(2);
  });

  it('serves formsflow\'s candidate query with includeAssignedTasks and ignores unknown fields', async () => {
    const body = { candidateGroup: 'reviewers', includeAssignedTasks: true, unknownField: 'x', nameLike: 'Rev%' };
    expect(await postIds(body)).toHaveLength(4);
  });

  it('sorts by a process variable ({sortBy: "processVariable", parameters: {variable, type}}) as formsflow\'s task list does', async () => {
    const byPriority = (sortOrder: string) => ({
      processDefinitionKey: 'taskProcess', sorting: [{ sortBy: 'processVariable', sortOrder, parameters: { variable: 'priority', type: 'Integer' } }],
    });
    expect(await postIds(byPriority('desc'))).toEqual([task['k2'], task['k4'], task['k3'], task['k1']]);
    expect(await postIds(byPriority('asc'), '?firstResult=1&maxResults=2')).toEqual([task['k3'], task['k4']]);
    const byCustomer = { processDefinitionKey: 'taskProcess', sorting: [
      { sortBy: 'processVariable', sortOrder: 'desc', parameters: { variable: 'customer', type: 'String' } },
      { sortBy: 'created', sortOrder: 'asc' },
    ] };
    expect(await postIds(byCustomer)).toEqual([task['k4'], task['k2'], task['k1'], task['k3']]);
  });

  it('evaluates ${currentUser()} / ${currentUserGroups()} in assigneeExpression and candidateGroupsExpression, formsflow\'s default filter', async () => {
    const allTasks = { orQueries: [{ assigneeExpression: '${currentUser()}', candidateGroupsExpression: '${currentUserGroups()}', includeAssignedTasks: true }] };
    // Camunda's default: expressions in ad-hoc queries are refused.
    expectError(await f.api.post(`${f.root}/task`).send(allTasks), 400, 'BadUserRequestException',
      'Expressions are forbidden in adhoc queries. This behavior can be toggled in the process engine configuration');
    const enabled = await createTaskQueryFixture({ expressions: true });
    try {
      await deployFixtures(enabled, ['task.bpmn']);
      const ids: string[] = [];
      for (const businessKey of ['e1', 'e2']) {
        const pi = field(await startByKey(enabled, 'taskProcess', { businessKey, variables: { priority: { value: 1 } } }), 'id');
        const [row] = arr(expectStatus(await enabled.api.get(`${enabled.root}/task?processInstanceId=${pi}`), 200));
        ids.push(field(row, 'id'));
      }
      expectStatus(await enabled.api.post(`${enabled.root}/task/${ids[1] ?? ''}/claim`).send({ userId: 'mary' }), 204);
      const request = { filters: allTasks, sorting: [] };
      const mary = await enabled.engine.tasks.queryTasks(request, { userId: 'mary', groupIds: ['sales'], tenantIds: [] });
      expect(mary.map((t) => t.id)).toEqual([ids[1]]);
      const reviewer = await enabled.engine.tasks.queryTasks(request, { userId: 'rita', groupIds: ['reviewers'], tenantIds: [] });
      expect(reviewer.map((t) => t.id).sort()).toEqual([...ids].sort());
    } finally {
      await enabled.close();
    }
  });

  it('counts with a body and ignores paging', async () => {
    const res = await f.api.post(`${f.root}/task/count?firstResult=0&maxResults=1`).send({ processDefinitionKey: 'taskProcess' });
    expect(obj(expectStatus(res, 200))).toEqual({ count: 4 });
  });
});

describe('GET /task/{id}', () => {
  it('gets a task with its assignee after a claim', async () => {
    const body = obj(expectStatus(await f.api.get(`${f.root}/task/${task['k2'] ?? ''}`), 200));
    expect(body).toMatchObject({ id: task['k2'], assignee: 'demo', priority: 40, name: 'Review', taskState: 'Updated' });
    expect(body['lastUpdated']).toBe('2026-01-31T10:00:04.000+0000');
  });

  it('answers an unknown id with 404 "No matching task with id …"', async () => {
    expectError(await f.api.get(`${f.root}/task/nope`), 404, 'InvalidRequestException', 'No matching task with id nope');
  });
});
