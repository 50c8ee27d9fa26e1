import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineFixture, deploy, q, start, vars, type EngineFixture } from '../../helpers/engine.js';

describe('user task', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await createEngineFixture();
    await deploy(f.engine, __dirname, 'UserTask.assignment');
  });
  afterAll(() => f.close());

  const variables = {
    orderId: 'A-1', owner: 'gonzo', extraUser: 'fozzie', groups: 'sales,management', due: '2026-02-05T12:00:00.000+0000', prio: 77, form: 'review',
  };

  it('evaluates name, assignee, dates, priority, form key and description expressions', async () => {
    const pi = await start(f.engine, 'userTaskAssignment', variables);
    const [task] = await f.engine.tasks.queryTasks(q({ processInstanceId: pi.instance.id }));
    expect(task).toMatchObject({
      name: 'Review A-1', assignee: 'gonzo', priority: 77, formKey: 'embedded:app:forms/review.html',
      description: 'Check order A-1', taskDefinitionKey: 'review',
    });
    expect(task?.dueDate?.toISOString()).toBe('2026-02-05T12:00:00.000Z');
    expect(task?.followUpDate?.toISOString()).toBe(new Date(f.clock.now().getTime() + 2 * 86_400_000).toISOString());
  });

  it('creates candidate user and group links from literals, expressions and comma lists', async () => {
    const pi = await start(f.engine, 'userTaskAssignment', variables);
    const [task] = await f.engine.tasks.queryTasks(q({ processInstanceId: pi.instance.id }));
    const links = await f.engine.tasks.getIdentityLinks(task?.id ?? '');
    expect(links).toEqual(expect.arrayContaining([
      { userId: 'gonzo', groupId: null, type: 'assignee' },
      { userId: 'kermit', groupId: null, type: 'candidate' },
      { userId: 'fozzie', groupId: null, type: 'candidate' },
      { userId: null, groupId: 'sales', type: 'candidate' },
      { userId: null, groupId: 'management', type: 'candidate' },
    ]));
    expect(await f.engine.tasks.countTasks(q({ candidateGroup: 'sales', includeAssignedTasks: true, processInstanceId: pi.instance.id }))).toBe(1);
    expect(await f.engine.tasks.countTasks(q({ candidateGroup: 'sales', processInstanceId: pi.instance.id }))).toBe(0);
  });

  it('keeps claim, delegation and completion in history', async () => {
    const pi = await start(f.engine, 'userTaskAssignment', { ...variables, owner: null });
    const [task] = await f.engine.tasks.queryTasks(q({ processInstanceId: pi.instance.id }));
    const id = task?.id ?? '';
    await f.engine.tasks.claim(id, 'piggy');
    await expect(f.engine.tasks.claim(id, 'animal')).rejects.toMatchObject({
      type: 'TaskAlreadyClaimedException', message: `Task '${id}' is already claimed by someone else.`,
    });
    await f.engine.tasks.delegate(id, 'animal');
    expect(await f.engine.tasks.getTask(id)).toMatchObject({ assignee: 'animal', owner: 'piggy', delegationState: 'PENDING' });
    await f.engine.tasks.resolve(id, vars({ resolved: true }));
    await f.engine.tasks.complete(id, vars({ approved: true }));
    const [historic] = await f.engine.history.query('taskInstance', q({ taskId: id }));
    expect(historic).toMatchObject({ assignee: 'piggy', owner: 'piggy', deleteReason: 'completed' });
    const [hpi] = await f.engine.history.query('processInstance', q({ processInstanceId: pi.instance.id }));
    expect(hpi?.state).toBe('COMPLETED');
    const historicVars = await f.engine.history.query('variableInstance', q({ processInstanceId: pi.instance.id, variableName: 'approved' }));
    expect(historicVars).toHaveLength(1);
  });

  it('reports a missing task the way Camunda does', async () => {
    await expect(f.engine.tasks.complete('nope', new Map())).rejects.toMatchObject({
      type: 'NullValueException', message: 'Cannot find task with id nope: task is null',
    });
    await expect(f.engine.tasks.setAssignee('nope', 'x')).rejects.toMatchObject({ type: 'NotFoundException', status: 400 });
  });
});
