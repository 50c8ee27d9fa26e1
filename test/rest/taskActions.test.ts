import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployFixtures, expectError, expectStatus, field, obj, startByKey, type Json } from './support.js';

let f: RestFixture;

beforeAll(async () => {
  f = await createRestFixture();
  await deployFixtures(f, ['task.bpmn']);
});

afterAll(async () => {
  await f.close();
});

/** Starts a task process; returns its review task id and instance id. */
async function newTask(variables: Json = {}): Promise<{ id: string; pi: string }> {
  const pi = field(await startByKey(f, 'taskProcess', { variables: { priority: { value: 50 }, ...variables } }), 'id');
  const [row] = arr(expectStatus(await f.api.get(`${f.root}/task?processInstanceId=${pi}`), 200));
  return { id: field(row, 'id'), pi };
}

async function getTask(id: string): Promise<Json> {
  return obj(expectStatus(await f.api.get(`${f.root}/task/${id}`), 200));
}

const post = (path: string, body?: Json) => {
  const request = f.api.post(`${f.root}/task/${path}`);
  return body === undefined ? request : request.send(body);
};

describe('claim, unclaim and assignee', () => {
  it('claims a task, claims it again for the same user, and unclaims it without a body', async () => {
    const { id } = await newTask();
    const claimed = expectStatus(await post(`${id}/claim`, { userId: 'demo' }), 204);
    expect(claimed.text).toBe('');
    expect((await getTask(id))['assignee']).toBe('demo');
    expectStatus(await post(`${id}/claim`, { userId: 'demo' }), 204);
    expectStatus(await post(`${id}/unclaim`), 204);
    expect((await getTask(id))['assignee']).toBeNull();
  });

  it('refuses to claim a task claimed by someone else with TaskAlreadyClaimedException', async () => {
    const { id } = await newTask();
    expectStatus(await post(`${id}/claim`, { userId: 'demo' }), 204);
    const body = expectError(await post(`${id}/claim`, { userId: 'john' }), 500, 'TaskAlreadyClaimedException',
      `Task '${id}' is already claimed by someone else.`);
    expect(body['code']).toBe(0);
  });

  it('sets and replaces the assignee', async () => {
    const { id } = await newTask();
    expectStatus(await post(`${id}/assignee`, { userId: 'demo' }), 204);
    expectStatus(await post(`${id}/assignee`, { userId: 'john' }), 204);
    expect((await getTask(id))['assignee']).toBe('john');
    expectStatus(await post(`${id}/assignee`, { userId: null }), 204);
    expect((await getTask(id))['assignee']).toBeNull();
  });

  it('answers unknown tasks with Camunda\'s engine errors', async () => {
    expectError(await post('nope/claim', { userId: 'demo' }), 500, 'NullValueException', 'Cannot find task with id nope: task is null');
    expectError(await post('nope/unclaim'), 400, 'NotFoundException', 'Cannot find task with id nope: task is null');
    expectError(await post('nope/assignee', { userId: 'demo' }), 400, 'NotFoundException', 'Cannot find task with id nope: task is null');
    expectError(await post('nope/delegate', { userId: 'demo' }), 500, 'NullValueException', 'Cannot find task with id nope: task is null');
    expectError(await post('nope/resolve', {}), 500, 'NullValueException', 'Cannot find task with id nope: task is null');
  });
});

describe('delegate and resolve', () => {
  it('delegates to another user, keeping the assignee as owner, and resolves back to the owner', async () => {
    const { id } = await newTask();
    expectStatus(await post(`${id}/assignee`, { userId: 'demo' }), 204);
    expectStatus(await post(`${id}/delegate`, { userId: 'helper' }), 204);
    expect(await getTask(id)).toMatchObject({ assignee: 'helper', owner: 'demo', delegationState: 'PENDING' });
    expectStatus(await post(`${id}/resolve`, { variables: { checked: { value: true } } }), 204);
    expect(await getTask(id)).toMatchObject({ assignee: 'demo', owner: 'demo', delegationState: 'RESOLVED' });
  });

  it('completes a delegated (PENDING) task, as Camunda allows', async () => {
    const { id } = await newTask();
    expectStatus(await post(`${id}/delegate`, { userId: 'helper' }), 204);
    expectStatus(await post(`${id}/complete`, {}), 204);
    expectError(await f.api.get(`${f.root}/task/${id}`), 404, 'InvalidRequestException');
  });
});

describe('complete and submit-form', () => {
  it('completes a task with variables and answers 204 with an empty body', async () => {
    const { id, pi } = await newTask();
    const res = expectStatus(await post(`${id}/complete`, { variables: { approved: { value: true } } }), 204);
    expect(res.text).toBe('');
    expectError(await f.api.get(`${f.root}/task/${id}`), 404, 'InvalidRequestException');
    const history = obj(expectStatus(await f.api.get(`${f.root}/history/process-instance/${pi}`), 200));
    expect(history['state']).toBe('COMPLETED');
  });

  it('returns the process variables with withVariablesInReturn', async () => {
    const { id } = await newTask({ customer: { value: 'Ada' } });
    const res = await post(`${id}/complete`, { variables: { approved: { value: true } }, withVariablesInReturn: true });
    expect(obj(expectStatus(res, 200))).toEqual({
      priority: { type: 'Integer', value: 50, valueInfo: {} },
      customer: { type: 'String', value: 'Ada', valueInfo: {} },
      approved: { type: 'Boolean', value: true, valueInfo: {} },
    });
  });

  it('submits a task form like formsflow and the Tasklist', async () => {
    const { id } = await newTask();
    const res = await post(`${id}/submit-form`, { variables: { formUrl: { value: 'http://forms/1' }, action: { value: 'Approved' } } });
    expectStatus(res, 204);
    expect(res.text).toBe('');
    expectError(await f.api.get(`${f.root}/task/${id}`), 404, 'InvalidRequestException');
  });

  it('returns the variables of a submitted form with withVariablesInReturn', async () => {
    const { id } = await newTask();
    const res = await post(`${id}/submit-form`, { variables: { action: { value: 'Approved' } }, withVariablesInReturn: true });
    expect(obj(expectStatus(res, 200))['action']).toEqual({ type: 'String', value: 'Approved', valueInfo: {} });
  });

  it('wraps failures of unknown tasks in RestException 500 with the action\'s prefix', async () => {
    const complete = expectError(await post('nope/complete', {}), 500, 'RestException',
      'Cannot complete task nope: Cannot find task with id nope: task is null');
    expect(complete['code']).toBe(0);
    expectError(await post('nope/submit-form', {}), 500, 'RestException',
      'Cannot submit task form nope: Cannot find task with id nope: task is null');
  });

  it('rejects an unknown variable type with 400 naming the task', async () => {
    const { id } = await newTask();
    expectError(await post(`${id}/complete`, { variables: { x: { value: 1, type: 'NoSuchType' } } }), 400,
      'InvalidRequestException', new RegExp(`^Cannot complete task ${id}: `));
  });
});

describe('identity links', () => {
  it('lists candidate groups and the assignee as links', async () => {
    const { id } = await newTask();
    expect(arr(expectStatus(await f.api.get(`${f.root}/task/${id}/identity-links`), 200)))
      .toEqual([{ userId: null, groupId: 'reviewers', type: 'candidate' }]);
    expectStatus(await post(`${id}/claim`, { userId: 'demo' }), 204);
    const links = arr(expectStatus(await f.api.get(`${f.root}/task/${id}/identity-links`), 200));
    expect(links).toContainEqual({ userId: 'demo', groupId: null, type: 'assignee' });
    const candidates = arr(expectStatus(await f.api.get(`${f.root}/task/${id}/identity-links?type=candidate`), 200));
    expect(candidates).toEqual([{ userId: null, groupId: 'reviewers', type: 'candidate' }]);
  });

  it('adds and deletes candidate links, which the candidate filters see', async () => {
    const { id } = await newTask();
    expectStatus(await post(`${id}/identity-links`, { groupId: 'managers', type: 'candidate' }), 204);
    expectStatus(await post(`${id}/identity-links`, { userId: 'kermit', type: 'candidate' }), 204);
    expect(arr(expectStatus(await f.api.get(`${f.root}/task?candidateGroup=managers`), 200)).map((t) => t['id'])).toEqual([id]);
    expect(arr(expectStatus(await f.api.get(`${f.root}/task?candidateUser=kermit`), 200)).map((t) => t['id'])).toEqual([id]);
    expectStatus(await post(`${id}/identity-links/delete`, { groupId: 'managers', type: 'candidate' }), 204);
    const links = arr(expectStatus(await f.api.get(`${f.root}/task/${id}/identity-links?type=candidate`), 200));
    expect(links).toEqual(expect.arrayContaining([{ userId: null, groupId: 'reviewers', type: 'candidate' }, { userId: 'kermit', groupId: null, type: 'candidate' }]));
    expect(links).toHaveLength(2);
  });

  it('sets the assignee through an assignee link', async () => {
    const { id } = await newTask();
    expectStatus(await post(`${id}/identity-links`, { userId: 'gonzo', type: 'assignee' }), 204);
    expect((await getTask(id))['assignee']).toBe('gonzo');
  });

  it('validates the link body with Camunda\'s messages', async () => {
    const { id } = await newTask();
    expectError(await post(`${id}/identity-links`, { userId: 'a', groupId: 'b', type: 'candidate' }), 400, 'InvalidRequestException',
      'Identity Link requires userId or groupId, but not both.');
    expectError(await post(`${id}/identity-links`, { type: 'candidate' }), 400, 'InvalidRequestException', 'Identity Link requires userId or groupId.');
    expectError(await post(`${id}/identity-links/delete`, { type: 'candidate' }), 400, 'InvalidRequestException', 'Identity Link requires userId or groupId.');
  });

  it('answers unknown tasks with Camunda\'s engine errors', async () => {
    expectError(await f.api.get(`${f.root}/task/nope/identity-links`), 500, 'NullValueException', 'Cannot find task with id nope: task is null');
    expectError(await post('nope/identity-links/delete', { groupId: 'g', type: 'candidate' }), 500, 'NullValueException',
      'Cannot find task with id nope: task is null');
  });

  it('answers an identity link added to an unknown task with 400 NotFoundException, as Camunda does', async () => {
    expectError(await post('nope/identity-links', { groupId: 'g', type: 'candidate' }), 400, 'NotFoundException',
      'Cannot find task with id nope: task is null');
  });
});

describe('GET /task/{id}/form-variables', () => {
  it('answers the visible variables, optionally only the named ones', async () => {
    const { id } = await newTask({ customer: { value: 'Ada' }, amount: { value: 5 } });
    const all = obj(expectStatus(await f.api.get(`${f.root}/task/${id}/form-variables`), 200));
    expect(Object.keys(all).sort()).toEqual(['amount', 'customer', 'priority']);
    const some = obj(expectStatus(await f.api.get(`${f.root}/task/${id}/form-variables?variableNames=customer,missing&deserializeValues=false`), 200));
    expect(some).toEqual({ customer: { type: 'String', value: 'Ada', valueInfo: {} } });
  });

  it('answers an unknown task with 400 BadUserRequestException', async () => {
    expectError(await f.api.get(`${f.root}/task/nope/form-variables`), 400, 'BadUserRequestException',
      "Cannot find task with id 'nope'.: task is null");
  });
});
