import { describe, expect, it } from 'vitest';
import { createEngineFixture, deploy, q, start } from '../../helpers/engine.js';

const counts = async (f: Awaited<ReturnType<typeof createEngineFixture>>, pi: string) => ({
  processInstances: await f.engine.history.count('processInstance', q({ processInstanceId: pi })),
  activityInstances: await f.engine.history.count('activityInstance', q({ processInstanceId: pi })),
  taskInstances: await f.engine.history.count('taskInstance', q({ processInstanceId: pi })),
  variableInstances: await f.engine.history.count('variableInstance', q({ processInstanceId: pi })),
});

describe('history levels', () => {
  it.each([
    ['none', { processInstances: 0, activityInstances: 0, taskInstances: 0, variableInstances: 0 }],
    ['activity', { processInstances: 1, activityInstances: 3, taskInstances: 1, variableInstances: 0 }],
    ['audit', { processInstances: 1, activityInstances: 3, taskInstances: 1, variableInstances: 2 }],
    ['full', { processInstances: 1, activityInstances: 3, taskInstances: 1, variableInstances: 2 }],
  ] as const)('at level %s writes exactly the history Camunda writes', async (level, expected) => {
    const f = await createEngineFixture(level);
    try {
      await deploy(f.engine, __dirname, 'HistoryLevel.userTask');
      const pi = await start(f.engine, 'historyLevel', { a: 1 });
      const [task] = await f.engine.tasks.queryTasks(q({ processInstanceId: pi.instance.id }));
      await f.engine.tasks.complete(task?.id ?? '', new Map([['b', { type: 'Integer', value: 2, valueInfo: {}, transient: false }]]));
      expect(await counts(f, pi.instance.id)).toEqual(expected);
    } finally {
      await f.close();
    }
  });
});
