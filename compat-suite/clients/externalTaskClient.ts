/**
 * Scenario: the real camunda-external-task-client-js 3.1.0 as a worker against BASE_URL.
 *
 * Deploys bpmn/externalTaskUserTask.bpmn (start → external task "check" → gateway on `approved` →
 * user task "review" | end), starts N instances over REST, lets the JS client serve every
 * external task (typed variables: Integer, Double, Boolean, String, Date, Json, Object, File; one
 * handleFailure with retries and one extendLock on the way), completes the user tasks over REST
 * and asserts through GET /history/process-instance that every instance is COMPLETED.
 *
 * Run alone: `BASE_URL=http://localhost:8080/engine-rest npx tsx compat-suite/clients/externalTaskClient.ts`
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { Client, File, Variables, type Task, type TaskService } from 'camunda-external-task-client-js';
import { matchJson } from '../lib/match.js';
import { newRunId } from '../lib/runner.js';
import type { Json } from '../lib/types.js';
import { asObject, asObjects, firstDefinition, RestClient, str } from './rest.js';
import { SUITE_DIR, type ScenarioCheck } from './scenario.js';

/** Options of the scenario. */
export interface ExternalTaskClientScenarioOptions {
  baseUrl: string;
  /** Process instances to start (default 10). */
  instances?: number;
  /** Give up waiting for the worker after this long (default 20 s). */
  timeoutMs?: number;
}

/** The check ids this scenario reports (skip.json can name them). */
export const EXTERNAL_TASK_CLIENT_CHECKS = {
  main: 'clients/external-task-client',
  fileDownload: 'clients/external-task-client-file-download',
} as const;

const REQUESTED_AT = '2024-05-01T10:00:00.000+0000';

/** The variables the worker sends for instance `n` (lowercase types, as the client sends them). */
function workerVariables(n: number, file: File): Variables {
  return new Variables()
    .set('approved', n % 2 === 0)
    .set('score', n * 10)
    .set('ratio', n + 0.25)
    .set('checkedBy', 'js-client')
    .set('details', { n, tags: ['a', 'b'], nested: { ok: true } })
    .set('checkedAt', new Date(Date.UTC(2024, 4, 2, 12, 0, 0)))
    .setTyped('customerObject', {
      type: 'Object', value: JSON.stringify({ name: `customer ${n}`, vip: n === 0 }),
      valueInfo: { objectTypeName: 'java.util.LinkedHashMap', serializationDataFormat: 'application/json' },
    })
    .set('report', file);
}

/** What the user task sees afterwards (GET /task/{id}/form-variables), for instance `n`. */
function expectedTaskVariables(n: number): Json {
  return {
    n: { type: 'Integer', value: n },
    order: { type: 'Json', value: '$string' },
    requestedAt: { type: 'Date', value: '$date' },
    approved: { type: 'Boolean', value: true },
    score: { type: 'Integer', value: n * 10 },
    ratio: { type: 'Double', value: n + 0.25 },
    checkedBy: { type: 'String', value: 'js-client' },
    details: { type: 'Json', value: '$string' },
    checkedAt: { type: 'Date', value: '$date' },
    customerObject: { type: 'Object', valueInfo: { objectTypeName: 'java.util.LinkedHashMap', serializationDataFormat: 'application/json' } },
    // The JS client sends valueInfo.mimetype; Camunda only knows mimeType, so no mime type is stored.
    report: { type: 'File', value: null, valueInfo: { filename: `report-${n}.txt`, encoding: 'utf-8', mimeType: '$absent' } },
  };
}

/** Runs the scenario; returns one result per check id (empty failures = passed). */
export async function runExternalTaskClientScenario(options: ExternalTaskClientScenarioOptions): Promise<ScenarioCheck[]> {
  const failures: string[] = [];
  const downloadFailures: string[] = ['not reached'];
  const instances = options.instances ?? 10;
  const rest = new RestClient(options.baseUrl);
  const runId = newRunId();
  const dir = await mkdtemp(join(tmpdir(), 'm8flow-compat-'));
  const client = new Client({
    baseUrl: options.baseUrl, workerId: `compat-js-${runId}`, autoPoll: false, maxTasks: 10, interval: 20,
    asyncResponseTimeout: 1_000, lockDuration: 30_000,
  });
  try {
    const deployment = await rest.deploy(`compat-js-client-${runId}`, [{ name: 'externalTaskUserTask.bpmn', path: join(SUITE_DIR, 'bpmn/externalTaskUserTask.bpmn') }]);
    const definition = firstDefinition(deployment);
    if (!definition) throw new Error(`deployment returned no process definition: ${JSON.stringify(deployment)}`);
    const definitionId = str(definition, 'id');

    const instanceIds = new Map<number, string>();
    for (let n = 0; n < instances; n++) {
      const started = asObject(await rest.post(`/process-definition/${definitionId}/start`, {
        businessKey: `js-${runId}-${n}`,
        variables: {
          n: { type: 'Integer', value: n },
          order: { type: 'Json', value: JSON.stringify({ items: [n, n + 1], total: n * 1.5 }) },
          customer: { type: 'String', value: `customer ${n}` },
          requestedAt: { type: 'Date', value: REQUESTED_AT },
        },
      }), 'start');
      instanceIds.set(n, str(started, 'id'));
    }

    const completed = new Set<number>();
    const failedOnce = new Set<string>();
    client.on('handler:error', (error: unknown) => failures.push(`handler error: ${String(error)}`));
    client.on('poll:error', (error: unknown) => failures.push(`poll error: ${String(error)}`));
    const handler = async ({ task, taskService }: { task: Task; taskService: TaskService }): Promise<void> => {
      const n = task.variables.get('n');
      if (typeof n !== 'number') throw new Error(`task ${task.id}: variable n is ${JSON.stringify(n)}`);
      const order = task.variables.get('order');
      const orderErrors = matchJson({ items: [n, n + 1], total: n * 1.5 }, order as Json, `instance ${n} order (Json read by the client)`);
      const requestedAt = task.variables.get('requestedAt');
      if (!(requestedAt instanceof Date) || requestedAt.getTime() !== Date.parse('2024-05-01T10:00:00.000Z')) {
        orderErrors.push(`instance ${n}: requestedAt read by the client as ${String(requestedAt)}`);
      }
      failures.push(...orderErrors);
      if (n === 1 && !failedOnce.has(task.id)) {
        failedOnce.add(task.id);
        await taskService.handleFailure(task, { errorMessage: 'transient failure', errorDetails: 'stack trace', retries: 2, retryTimeout: 0 });
        return;
      }
      if (n === 1 && (task.retries !== 2 || task['errorMessage'] !== 'transient failure')) {
        failures.push(`instance 1 refetched after failure with retries ${String(task.retries)} and errorMessage ${JSON.stringify(task['errorMessage'])}`);
      }
      if (n === 0) await taskService.extendLock(task, 60_000);
      const path = join(dir, `report-${n}.txt`);
      await writeFile(path, `report for instance ${n}\n`);
      const file = await new File({ localPath: path, mimetype: 'text/plain', encoding: 'utf-8' }).load();
      await taskService.complete(task, workerVariables(n, file));
      completed.add(n);
    };
    client.subscribe('check', { processDefinitionId: definitionId, lockDuration: 30_000 }, handler);
    client.start();

    const deadline = Date.now() + (options.timeoutMs ?? 20_000);
    while (completed.size < instances && Date.now() < deadline && failures.length === 0) await sleep(25);
    client.stop();
    if (completed.size < instances) throw new Error(`the worker completed ${completed.size} of ${instances} external tasks`);

    const approved = [...instanceIds.keys()].filter((n) => n % 2 === 0);
    const tasks = asObjects(await rest.get(`/task?processDefinitionId=${definitionId}&taskDefinitionKey=review&sortBy=created&sortOrder=asc`), 'tasks');
    if (tasks.length !== approved.length) failures.push(`expected ${approved.length} review tasks, got ${tasks.length}`);
    for (const task of tasks) {
      const taskId = str(task, 'id');
      const n = [...instanceIds].find(([, pi]) => pi === task['processInstanceId'])?.[0];
      if (n === undefined) throw new Error(`task ${taskId} belongs to no started instance`);
      if (n === 0) {
        const vars = await rest.get(`/task/${taskId}/form-variables`);
        failures.push(...matchJson(expectedTaskVariables(n), vars, `instance ${n} variables`));
        const details = asObject(asObject(vars, 'variables')['details'], 'details')['value'];
        if (typeof details === 'string') failures.push(...matchJson({ n, tags: ['a', 'b'], nested: { ok: true } }, JSON.parse(details) as Json, 'details'));
        downloadFailures.splice(0, downloadFailures.length, ...await checkFileDownload(rest, instanceIds.get(n) ?? '', n));
      }
      await rest.post(`/task/${taskId}/complete`, { variables: { reviewed: { type: 'Boolean', value: true } } });
    }

    const history = asObjects(await rest.get(`/history/process-instance?processDefinitionId=${definitionId}`), 'history');
    failures.push(...matchJson({ $length: instances }, history, 'history'));
    failures.push(...matchJson({ $every: { state: 'COMPLETED', endTime: '$date', businessKey: `$startsWith:js-${runId}-` } }, history, 'history'));
    const active = asObject(await rest.get(`/process-instance/count?processDefinitionId=${definitionId}`), 'count');
    if (active['count'] !== 0) failures.push(`expected no running instances, got ${JSON.stringify(active)}`);
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  } finally {
    client.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return [
    { id: EXTERNAL_TASK_CLIENT_CHECKS.main, failures },
    { id: EXTERNAL_TASK_CLIENT_CHECKS.fileDownload, failures: downloadFailures },
  ];
}

/** Downloads the File variable the way the JS client's File.load() does (process instance id as execution id). */
async function checkFileDownload(rest: RestClient, processInstanceId: string, n: number): Promise<string[]> {
  const response = await rest.raw('GET', `/execution/${processInstanceId}/localVariables/report/data`);
  if (response.status !== 200) return [`GET /execution/{pi}/localVariables/report/data → ${response.status} ${response.text.slice(0, 200)}`];
  const expected = `report for instance ${n}\n`;
  const errors: string[] = [];
  if (response.bytes.toString('utf8') !== expected) errors.push(`file content ${JSON.stringify(response.bytes.toString('utf8'))}, expected ${JSON.stringify(expected)}`);
  // No mimeType was stored (see expectedTaskVariables), so Camunda answers octet-stream with the encoding as charset.
  const contentType = 'application/octet-stream; charset=utf-8';
  if (response.contentType !== contentType) errors.push(`file content type ${String(response.contentType)}, expected ${contentType}`);
  return errors;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const baseUrl = process.env['BASE_URL'] ?? 'http://localhost:8080/engine-rest';
  const checks = await runExternalTaskClientScenario({ baseUrl, instances: Number(process.env['INSTANCES'] ?? 10) });
  for (const check of checks) console.log(`${check.failures.length === 0 ? 'PASS' : 'FAIL'} ${check.id}${check.failures.map((f) => `\n  - ${f}`).join('')}`);
  process.exit(checks.every((c) => c.failures.length === 0) ? 0 : 1);
}
