import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProcessEngine, type TypedValue } from '../src/index.js';
import { drain, EndToEnd, mapLimit } from './pipeline.js';
import type { WorkloadOptions } from './restScenario.js';
import { Recorder, round, summarise, type ScenarioResult } from './stats.js';

const BPMN = join(dirname(fileURLToPath(import.meta.url)), '../compat-suite/bpmn/externalTaskUserTask.bpmn');

const typed = (type: TypedValue['type'], value: unknown): TypedValue => ({ type, value, valueInfo: {}, transient: false });

/**
 * The same workload as the REST scenario, on the engine's services directly (no HTTP, no JSON):
 * deploy, start N (concurrently), fetchAndLock + complete the external tasks, query + complete
 * the user tasks, then count the completed instances in history.
 */
export async function runEngineWorkload(databaseUrl: string, database: string, options: WorkloadOptions): Promise<ScenarioResult> {
  const engine = await ProcessEngine.create({ databaseUrl, historyLevel: 'full' });
  try {
    if (options.warmup > 0) await workload(engine, database, { ...options, instances: options.warmup });
    return await workload(engine, database, options);
  } finally {
    await engine.close();
  }
}

async function workload(engine: ProcessEngine, database: string, options: WorkloadOptions): Promise<ScenarioResult> {
  const recorder = new Recorder();
  const result = await recorder.time('deploy', async () => engine.repository.deploy({
    name: 'bench', source: 'bench', tenantId: null, enableDuplicateFiltering: false, deployChangedOnly: false,
    resources: [{ name: 'externalTaskUserTask.bpmn', bytes: await readFile(BPMN) }],
  }));
  const definitionId = result.processDefinitions?.[0]?.id;
  if (!definitionId) throw new Error('deployment returned no definition');
  const e2e = new EndToEnd();
  const deadline = Date.now() + options.timeoutMs;
  let externalDone = 0;

  const starter = mapLimit([...Array(options.instances).keys()], options.concurrency, async (i) => {
    const at = e2e.begin();
    const started = await recorder.time('startProcessInstance', () => engine.runtime.startProcessInstance({
      processDefinitionId: definitionId, businessKey: `bench-${i}`,
      variables: new Map([['n', typed('Integer', i)], ['customer', typed('String', `customer ${i}`)]]),
    }));
    e2e.start(started.instance.id, at);
  });
  const worker = drain(() => externalDone >= options.instances, async () => {
    const locked = await recorder.time('fetchAndLock', () => engine.externalTasks.fetchAndLock({
      workerId: 'bench-worker', maxTasks: 20, usePriority: true, sortByCreateTime: null,
      topics: [{ topicName: 'check', lockDuration: 60_000, processDefinitionId: definitionId }],
    }));
    await mapLimit(locked, options.concurrency, async ({ task }) => {
      await recorder.time('completeExternalTask', () => engine.externalTasks.complete(task.id, {
        workerId: 'bench-worker', localVariables: new Map(),
        variables: new Map([['approved', typed('Boolean', true)], ['score', typed('Integer', 42)]]),
      }));
      externalDone++;
    });
    return locked.length;
  }, deadline, 'serving external tasks');
  const completer = drain(() => e2e.completed >= options.instances, async () => {
    const tasks = await recorder.time('queryTasks', () => engine.tasks.queryTasks({ filters: { processDefinitionId: definitionId }, sorting: [], maxResults: 50 }));
    await mapLimit(tasks, options.concurrency, async (task) => {
      await recorder.time('completeTask', () => engine.tasks.complete(task.id, new Map([['reviewed', typed('Boolean', true)]])));
      if (task.processInstanceId) e2e.end(task.processInstanceId);
    });
    return tasks.length;
  }, deadline, 'completing user tasks');
  await Promise.all([starter, worker, completer]);
  e2e.finish();

  const finished = await engine.history.count('processInstance', { filters: { processDefinitionId: definitionId, completed: true }, sorting: [] });
  if (finished !== options.instances) throw new Error(`history counts ${finished} completed instances, expected ${options.instances}`);
  return {
    name: `engine-${database}`, mode: 'in-process services', database, instances: options.instances,
    wallSeconds: round(e2e.wallMs / 1000, 3), instancesPerSecond: round(options.instances / (e2e.wallMs / 1000)),
    endToEnd: summarise('instance end-to-end', e2e.durations), calls: recorder.summaries(),
  };
}
