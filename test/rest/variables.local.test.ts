import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import {
  binaryParser, BYTES_CONTENT, deployVariableProcesses, expectError, FILE_CONTENT, startInstance, taskOf, TYPED_CASES, type Json,
} from './variables.support.js';

let f: RestFixture;
beforeAll(async () => {
  f = await createRestFixture();
  await deployVariableProcesses(f);
});
afterAll(async () => { await f.close(); });

const names = (body: unknown) => Object.keys(body as Json).sort();

describe('task variables (non-local and local)', () => {
  let pi: string;
  let task: string;
  const piVars = (path = '') => `${f.root}/process-instance/${pi}/variables${path}`;
  const taskVars = (path = '') => `${f.root}/task/${task}/variables${path}`;
  const taskLocal = (path = '') => `${f.root}/task/${task}/localVariables${path}`;

  beforeAll(async () => {
    pi = await startInstance(f, 'variablesUserTask', { shared: { value: 'from instance' } });
    task = (await taskOf(f, pi))['id'] as string;
  });

  it('puts a non-local task variable on the process instance', async () => {
    await f.api.put(taskVars('/approved')).send({ value: true, type: 'Boolean' }).expect(204);
    expect((await f.api.get(piVars('/approved'))).body).toEqual({ type: 'Boolean', value: true, valueInfo: {} });
    expect((await f.api.get(taskLocal())).body).toEqual({});
    expectError(await f.api.get(taskLocal('/approved')), 404, 'InvalidRequestException', 'task variable with name approved does not exist');
  });

  it('keeps a task-local variable out of the process instance variables', async () => {
    await f.api.put(taskLocal('/comment')).send({ value: 'looks good' }).expect(204);
    expect(names((await f.api.get(piVars())).body)).toEqual(['approved', 'shared']);
    expect(names((await f.api.get(taskVars())).body)).toEqual(['approved', 'comment', 'shared']);
    expect((await f.api.get(taskLocal())).body).toEqual({ comment: { type: 'String', value: 'looks good', valueInfo: {} } });
    expectError(await f.api.get(piVars('/comment')), 404, 'InvalidRequestException', 'process instance variable with name comment does not exist');
  });

  it('lets a local variable shadow the instance one, and a non-local PUT update the nearest', async () => {
    await f.api.put(taskLocal('/shared')).send({ value: 'from task' }).expect(204);
    expect(((await f.api.get(taskVars('/shared'))).body as Json)['value']).toBe('from task');
    await f.api.put(taskVars('/shared')).send({ value: 'updated' }).expect(204);
    expect(((await f.api.get(taskLocal('/shared'))).body as Json)['value']).toBe('updated');
    expect(((await f.api.get(piVars('/shared'))).body as Json)['value']).toBe('from instance');
  });

  it('deletes locally only with the localVariables route', async () => {
    await f.api.delete(taskLocal('/approved')).expect(204);
    expect(((await f.api.get(piVars('/approved'))).body as Json)['value']).toBe(true);
    await f.api.delete(taskLocal('/shared')).expect(204);
    await f.api.delete(taskVars('/approved')).expect(204);
    expect(names((await f.api.get(piVars())).body)).toEqual(['shared']);
    expect(((await f.api.get(taskVars('/shared'))).body as Json)['value']).toBe('from instance');
  });

  it('modifies task and task-local variables with typed values of every type', async () => {
    const modifications = Object.fromEntries(TYPED_CASES.map((c) => [c.name, c.sent]));
    await f.api.post(taskLocal()).send({ modifications }).expect(204);
    expect((await f.api.get(taskLocal())).body).toEqual({
      comment: { type: 'String', value: 'looks good', valueInfo: {} },
      ...Object.fromEntries(TYPED_CASES.map((c) => [c.name, c.returned])),
    });
    await f.api.post(taskVars()).send({ modifications: { toInstance: { value: 1 } }, deletions: ['comment'] }).expect(204);
    expect(names((await f.api.get(piVars())).body)).toEqual(['shared', 'toInstance']);
    expect(names((await f.api.get(taskLocal())).body)).not.toContain('comment');
  });

  it('uploads and downloads binary task-local variables', async () => {
    const upload = await f.api.post(taskLocal('/scan/data')).field('valueType', 'File')
      .attach('data', FILE_CONTENT, { filename: 'scan.txt', contentType: 'text/plain' });
    expect(upload.status, JSON.stringify(upload.body)).toBe(204);
    for (const path of [taskLocal('/scan/data'), taskVars('/scan/data')]) {
      const res = await f.api.get(path).buffer(true).parse(binaryParser);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain');
      expect(Buffer.compare(res.body as Buffer, FILE_CONTENT)).toBe(0);
    }
    await f.api.post(taskVars('/blob/data')).attach('data', BYTES_CONTENT, { filename: 'blob' }).expect(204);
    const bytes = await f.api.get(piVars('/blob/data')).buffer(true).parse(binaryParser);
    expect(Buffer.compare(bytes.body as Buffer, BYTES_CONTENT)).toBe(0);
    expectError(await f.api.get(taskVars('/shared/data')), 400, 'InvalidRequestException', `Value of variable with id ${task} is not a binary value.`);
  });
});

describe('task variables: errors', () => {
  const missing = 'no-such-task';
  const gone = `task ${missing} doesn't exist: task is null`;

  it.each(['variables', 'localVariables'])('answers an unknown task like Camunda on /%s', async (segment) => {
    const at = (path: string) => `${f.root}/task/${missing}/${segment}${path}`;
    expectError(await f.api.get(at('')), 500, 'NullValueException', gone, 0);
    expectError(await f.api.get(at('/a')), 500, 'RestException', `Cannot get task variable a: ${gone}`, 0);
    expectError(await f.api.put(at('/a')).send({ value: 1 }), 500, 'RestException', `Cannot put task variable a: ${gone}`, 0);
    expectError(await f.api.delete(at('/a')), 500, 'RestException', `Cannot delete task variable a: Cannot find task with id ${missing}: task is null`, 0);
    expectError(await f.api.post(at('')).send({ deletions: ['a'] }), 500, 'RestException', `Cannot modify variables for task ${missing}: ${gone}`, 0);
    expectError(await f.api.put(at('/a')).send({ value: 'x', type: 'Short' }), 400, 'InvalidRequestException',
      "Cannot put task variable a: Cannot convert value 'x' of type 'Short' to java type java.lang.Short");
  });
});

describe('execution-local variables', () => {
  let pi: string;
  let left: Json;
  let right: Json;
  const local = (execution: string, path = '') => `${f.root}/execution/${execution}/localVariables${path}`;

  beforeAll(async () => {
    pi = await startInstance(f, 'variablesParallel', { top: { value: 'instance' } });
    const tasks = (await f.api.get(`${f.root}/task`).query({ processInstanceId: pi })).body as Json[];
    left = tasks.find((t) => t['taskDefinitionKey'] === 'left') ?? {};
    right = tasks.find((t) => t['taskDefinitionKey'] === 'right') ?? {};
  });

  it('keeps a variable local to one concurrent execution', async () => {
    const execution = left['executionId'] as string;
    expect(execution).not.toBe(pi);
    await f.api.put(local(execution, '/branch')).send({ value: 'left' }).expect(204);
    expect((await f.api.get(local(execution))).body).toEqual({ branch: { type: 'String', value: 'left', valueInfo: {} } });
    expect(names((await f.api.get(`${f.root}/process-instance/${pi}/variables`)).body)).toEqual(['top']);
    expect(names((await f.api.get(`${f.root}/task/${left['id'] as string}/variables`)).body)).toEqual(['branch', 'top']);
    expect(names((await f.api.get(`${f.root}/task/${right['id'] as string}/variables`)).body)).toEqual(['top']);
  });

  it('treats the process instance id as the execution holding the instance variables', async () => {
    expect(names((await f.api.get(local(pi))).body)).toEqual(['top']);
    expectError(await f.api.get(local(pi, '/branch')), 404, 'InvalidRequestException', 'execution variable with name branch does not exist');
  });

  it('modifies and deletes local variables of an execution', async () => {
    const execution = right['executionId'] as string;
    await f.api.post(local(execution)).send({ modifications: { a: { value: 1 }, b: { value: 2 } } }).expect(204);
    await f.api.delete(local(execution, '/a')).expect(204);
    expect(names((await f.api.get(local(execution))).body)).toEqual(['b']);
    expect(names((await f.api.get(`${f.root}/process-instance/${pi}/variables`)).body)).toEqual(['top']);
  });

  it('answers an unknown execution like Camunda', async () => {
    const gone = "execution nope doesn't exist: execution is null";
    expectError(await f.api.get(local('nope')), 500, 'NullValueException', gone, 0);
    expectError(await f.api.get(local('nope', '/x/data')), 500, 'RestException', `Cannot get execution variable x: ${gone}`, 0);
    expectError(await f.api.post(local('nope', '/x/data')).attach('data', BYTES_CONTENT, { filename: 'b' }), 500, 'RestException',
      `Cannot put execution variable x: ${gone}`, 0);
  });
});
