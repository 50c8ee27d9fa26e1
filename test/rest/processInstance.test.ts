import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployFixtures, expectError, expectStatus, field, obj, startByKey, type Json } from './support.js';

let f: RestFixture;
const pi: Record<string, string> = {};

const vars = (priority: number, extra: Json = {}): Json => ({ variables: { priority: { value: priority }, ...extra } });

beforeAll(async () => {
  f = await createRestFixture();
  await deployFixtures(f, ['task.bpmn', 'parallel.bpmn']);
  pi['a1'] = field(await startByKey(f, 'taskProcess', { businessKey: 'a1', ...vars(10, { customer: { value: 'Ada' }, amount: { value: 100 } }) }), 'id');
  pi['a2'] = field(await startByKey(f, 'taskProcess', { businessKey: 'a2', ...vars(20, { customer: { value: 'Bob' }, amount: { value: 250 } }) }), 'id');
  pi['b1'] = field(await startByKey(f, 'taskProcess', { businessKey: 'b1', ...vars(30, { customer: { value: 'Ada' } }) }), 'id');
  pi['par'] = field(await startByKey(f, 'parallelProcess', { businessKey: 'p1' }), 'id');
});

afterAll(async () => {
  await f.close();
});

async function keys(query: string): Promise<unknown[]> {
  return arr(expectStatus(await f.api.get(`${f.root}/process-instance${query}`), 200)).map((p) => p['businessKey']);
}

async function postKeys(body: Json, query = ''): Promise<unknown[]> {
  return arr(expectStatus(await f.api.post(`${f.root}/process-instance${query}`).send(body), 200)).map((p) => p['businessKey']);
}

describe('GET and POST /process-instance', () => {
  it('lists process instances with every ProcessInstanceDto key and no links', async () => {
    const [first] = arr(expectStatus(await f.api.get(`${f.root}/process-instance?businessKey=a1`), 200));
    expect(first).toEqual({
      links: [], id: pi['a1'], definitionId: expect.stringMatching(/^taskProcess:1:/) as unknown, definitionKey: 'taskProcess',
      businessKey: 'a1', caseInstanceId: null, ended: false, suspended: false, tenantId: null,
    });
  });

  it('filters by business key, definition key and ids', async () => {
    expect(await keys('?businessKeyLike=a%25&sortBy=businessKey&sortOrder=asc')).toEqual(['a1', 'a2']);
    expect(await keys('?processDefinitionKey=parallelProcess')).toEqual(['p1']);
    expect(await keys('?processDefinitionKeyNotIn=taskProcess')).toEqual(['p1']);
    expect(await keys(`?processInstanceIds=${pi['a2'] ?? ''},${pi['b1'] ?? ''}&sortBy=businessKey&sortOrder=desc`)).toEqual(['b1', 'a2']);
  });

  it('filters by variables name_op_value', async () => {
    expect(await keys('?variables=customer_eq_Ada&sortBy=businessKey&sortOrder=asc')).toEqual(['a1', 'b1']);
    // GET values stay text, as in Camunda: a number only matches through the POST body.
    expect(await keys('?variables=customer_eq_Ada,amount_gt_50')).toEqual([]);
    expect(await postKeys({ variables: [{ name: 'customer', operator: 'eq', value: 'Ada' }, { name: 'amount', operator: 'gt', value: 50 }] })).toEqual(['a1']);
    expect(await keys('?variables=customer_like_B%25')).toEqual(['a2']);
    expect(await keys('?variables=customer_neq_Ada')).toEqual(['a2']);
  });

  it('rejects a malformed variables filter with Camunda\'s message', async () => {
    expectError(await f.api.get(`${f.root}/process-instance?variables=customer_eq`), 400, 'InvalidRequestException',
      "Cannot set query parameter 'variables' to value 'customer_eq': variable query parameter has to have format KEY_OPERATOR_VALUE.");
  });

  it('filters by the activities instances wait in', async () => {
    expect(await keys('?activityIdIn=taskA')).toEqual(['p1']);
    expect(await keys('?activityIdIn=review,taskB&sortBy=businessKey&sortOrder=asc')).toEqual(['a1', 'a2', 'b1', 'p1']);
    expect(await keys('?activityIdIn=end')).toEqual([]);
  });

  it('sorts and pages', async () => {
    expect(await keys('?sortBy=businessKey&sortOrder=desc')).toEqual(['p1', 'b1', 'a2', 'a1']);
    expect(await keys('?sortBy=businessKey&sortOrder=asc&firstResult=1&maxResults=2')).toEqual(['a2', 'b1']);
  });

  it('counts with GET and POST', async () => {
    expect(obj(expectStatus(await f.api.get(`${f.root}/process-instance/count?processDefinitionKey=taskProcess`), 200))).toEqual({ count: 3 });
    const posted = await f.api.post(`${f.root}/process-instance/count`).send({ variables: [{ name: 'customer', operator: 'eq', value: 'Ada' }] });
    expect(obj(expectStatus(posted, 200))).toEqual({ count: 2 });
  });

  it('queries with a POST body, sorting array and paging in the query string', async () => {
    expect(await postKeys({ processDefinitionKey: 'taskProcess', sorting: [{ sortBy: 'businessKey', sortOrder: 'desc' }] })).toEqual(['b1', 'a2', 'a1']);
    expect(await postKeys({ sorting: [{ sortBy: 'businessKey', sortOrder: 'asc' }] }, '?firstResult=0&maxResults=2')).toEqual(['a1', 'a2']);
    expect(await postKeys({ variables: [{ name: 'amount', operator: 'gteq', value: 250 }] })).toEqual(['a2']);
    expect(await postKeys({ activityIdIn: ['taskB'], businessKey: null })).toEqual(['p1']);
  });

  it('rejects an invalid sortBy', async () => {
    expectError(await f.api.get(`${f.root}/process-instance?sortBy=nope&sortOrder=asc`), 400, 'InvalidRequestException',
      "Cannot set query parameter 'sortBy' to value 'nope'");
  });
});

describe('GET and DELETE /process-instance/{id}', () => {
  it('gets one process instance', async () => {
    const res = expectStatus(await f.api.get(`${f.root}/process-instance/${pi['a2'] ?? ''}`), 200);
    expect(obj(res)).toMatchObject({ id: pi['a2'], businessKey: 'a2', definitionKey: 'taskProcess', ended: false, links: [] });
  });

  it('answers an unknown id with 404', async () => {
    expectError(await f.api.get(`${f.root}/process-instance/nope`), 404, 'InvalidRequestException', 'Process instance with id nope does not exist');
  });

  it('deletes a process instance with 204 and an empty body', async () => {
    const id = field(await startByKey(f, 'taskProcess', { businessKey: 'doomed', ...vars(1) }), 'id');
    const res = expectStatus(await f.api.delete(`${f.root}/process-instance/${id}`), 204);
    expect(res.text).toBe('');
    expectError(await f.api.get(`${f.root}/process-instance/${id}`), 404, 'InvalidRequestException');
    expect(obj(expectStatus(await f.api.get(`${f.root}/task/count?processInstanceId=${id}`), 200))).toEqual({ count: 0 });
  });

  it('answers a delete of an unknown id with 404, or 204 with failIfNotExists=false', async () => {
    expectError(await f.api.delete(`${f.root}/process-instance/nope`), 404, 'InvalidRequestException', /^No process instance found for id 'nope'/);
    expectStatus(await f.api.delete(`${f.root}/process-instance/nope?failIfNotExists=false`), 204);
  });

  it('words the unknown-id delete as Camunda does', async () => {
    expectError(await f.api.delete(`${f.root}/process-instance/nope`), 404, 'InvalidRequestException',
      "No process instance found for id 'nope': processInstance is null");
  });
});

describe('GET /process-instance/{id}/activity-instances', () => {
  it('answers the tree of a process instance waiting in a user task', async () => {
    const id = pi['a1'] ?? '';
    const tree = obj(expectStatus(await f.api.get(`${f.root}/process-instance/${id}/activity-instances`), 200));
    expect(tree).toMatchObject({
      id, parentActivityInstanceId: null, activityId: expect.stringMatching(/^taskProcess:1:/) as unknown, activityType: 'processDefinition',
      processInstanceId: id, activityName: 'Task Process', name: 'Task Process', executionIds: [id], childTransitionInstances: [],
      incidentIds: [], incidents: [],
    });
    expect(tree['processDefinitionId']).toBe(tree['activityId']);
    const children = tree['childActivityInstances'] as Json[];
    expect(children).toHaveLength(1);
    expect(children[0]).toMatchObject({
      parentActivityInstanceId: id, activityId: 'review', activityType: 'userTask', activityName: 'Review', name: 'Review',
      processInstanceId: id, executionIds: [id], childActivityInstances: [], childTransitionInstances: [],
    });
    expect(children[0]?.['id']).toMatch(/^review:/);
  });

  it('answers one child per waiting task with its own concurrent execution for a parallel fork', async () => {
    const id = pi['par'] ?? '';
    const tree = obj(expectStatus(await f.api.get(`${f.root}/process-instance/${id}/activity-instances`), 200));
    expect(tree['executionIds']).toEqual([id]);
    const children = [...(tree['childActivityInstances'] as Json[])].sort((a, b) => String(a['activityId']).localeCompare(String(b['activityId'])));
    expect(children.map((c) => c['activityId'])).toEqual(['taskA', 'taskB']);
    const executions = children.map((c) => c['executionIds'] as string[]);
    expect(executions.every((e) => e.length === 1 && e[0] !== id)).toBe(true);
    expect(executions[0]?.[0]).not.toBe(executions[1]?.[0]);
    for (const child of children) expect(child['parentActivityInstanceId']).toBe(id);
  });

  it('keeps a branch waiting at the parallel join in the tree, as Camunda does (ParallelGatewayTest.testNestedForkJoin)', async () => {
    const id = field(await startByKey(f, 'parallelProcess', { businessKey: 'p2' }), 'id');
    const tasks = arr(expectStatus(await f.api.get(`${f.root}/task?processInstanceId=${id}&taskDefinitionKey=taskA`), 200));
    expectStatus(await f.api.post(`${f.root}/task/${field(tasks[0] as Json, 'id')}/complete`).send({}), 204);
    const tree = obj(expectStatus(await f.api.get(`${f.root}/process-instance/${id}/activity-instances`), 200));
    const children = (tree['childActivityInstances'] as Json[]).map((c) => c['activityId']).sort();
    expect(children).toEqual(['join', 'taskB']);
  });

  it('answers an unknown id with 404', async () => {
    expectError(await f.api.get(`${f.root}/process-instance/nope/activity-instances`), 404, 'InvalidRequestException',
      'Process instance with id nope does not exist');
  });
});
