import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Client, Variables, type Task, type TaskService } from 'camunda-external-task-client-js';
import { asObject, asObjects, firstDefinition, RestClient, str } from '../compat-suite/clients/rest.js';
import { drain, EndToEnd, mapLimit } from './pipeline.js';
import { Recorder, round, summarise, type ScenarioResult } from './stats.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const BPMN = join(REPO, 'compat-suite/bpmn/externalTaskUserTask.bpmn');

/** Workload size and parallelism. */
export interface WorkloadOptions {
  instances: number;
  /** Parallel start calls and parallel user-task completions. */
  concurrency: number;
  /** Give up after this long. */
  timeoutMs: number;
  /** Instances run first and not measured (JIT, caches, connection pools). */
  warmup: number;
}

/** A server the benchmark started (a child process running src/main.ts). */
export interface BenchServer {
  baseUrl: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `node --no-node-snapshot --import tsx src/main.ts` on a free port and waits for /version. */
export async function startServer(databaseUrl: string): Promise<BenchServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', 'src/main.ts'], {
    cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', M8FLOW_HISTORY_LEVEL: 'full' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  const baseUrl = `http://127.0.0.1:${port}/engine-rest`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    const ready = await fetch(`${baseUrl}/version`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`server did not answer within 60 s: ${stderr}`);
    await sleep(100);
  }
  return {
    baseUrl,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** The parts of a got response the timing hook reads. */
interface TimedResponse {
  url: string;
  rawBody?: Buffer;
  timings: { start: number; phases: { total?: number | undefined } };
}

/** A client interceptor adding a got afterResponse hook that records each call's duration. */
function timingInterceptor(recorder: Recorder): (config: Record<string, unknown>) => Record<string, unknown> {
  return (config) => ({
    ...config,
    hooks: {
      afterResponse: [(response: TimedResponse) => {
        const ms = response.timings.phases.total ?? Date.now() - response.timings.start;
        if (response.url.endsWith('/fetchAndLock')) {
          // Long polls that come back empty measure waiting, not work.
          if ((response.rawBody?.length ?? 0) > 2) recorder.record('POST /external-task/fetchAndLock (with tasks)', ms);
        } else {
          recorder.record(`POST /external-task/{id}/${response.url.split('/').pop() ?? ''}`, ms);
        }
        return response;
      }],
    },
  });
}

/**
 * The REST workload: deploy, start N instances (concurrently), the real JS client completes
 * every external task (approved=true), a completer lists and completes the user tasks, and the
 * history must then count N completed instances.
 */
export async function runRestWorkload(baseUrl: string, database: string, options: WorkloadOptions): Promise<ScenarioResult> {
  const recorder = new Recorder();
  const rest = new RestClient(baseUrl, { onTiming: (label, ms) => recorder.record(label, ms) });
  const deployment = await rest.deploy(`bench-${Date.now()}`, [{ name: 'externalTaskUserTask.bpmn', path: BPMN }]);
  const definition = firstDefinition(deployment);
  if (!definition) throw new Error('deployment returned no definition');
  const definitionId = str(definition, 'id');
  const e2e = new EndToEnd();
  const deadline = Date.now() + options.timeoutMs;
  let workerErrors = 0;
  const worker = new Client({
    baseUrl, workerId: 'bench-worker', autoPoll: false, maxTasks: 20, interval: 0, asyncResponseTimeout: 2_000,
    lockDuration: 60_000, interceptors: [timingInterceptor(recorder)],
  });
  worker.on('handler:error', () => { workerErrors++; });
  worker.subscribe('check', { processDefinitionId: definitionId }, async ({ task, taskService }: { task: Task; taskService: TaskService }) => {
    await taskService.complete(task, new Variables().set('approved', true).set('score', 42));
  });
  worker.start();
  try {
    const starter = mapLimit([...Array(options.instances).keys()], options.concurrency, async (i) => {
      const at = e2e.begin();
      const started = asObject(await rest.post(`/process-definition/${definitionId}/start`, {
        businessKey: `bench-${i}`, variables: { n: { type: 'Integer', value: i }, customer: { type: 'String', value: `customer ${i}` } },
      }, 'POST /process-definition/{id}/start'), 'start');
      e2e.start(str(started, 'id'), at);
    });
    const completer = drain(() => e2e.completed >= options.instances, async () => {
      const tasks = asObjects(await rest.get(`/task?processDefinitionId=${definitionId}&maxResults=50`, 'GET /task'), 'tasks');
      await mapLimit(tasks, options.concurrency, async (task) => {
        await rest.post(`/task/${str(task, 'id')}/complete`, { variables: { reviewed: { type: 'Boolean', value: true } } }, 'POST /task/{id}/complete');
        e2e.end(str(task, 'processInstanceId'));
      });
      return tasks.length;
    }, deadline, 'completing user tasks');
    await Promise.all([starter, completer]);
  } finally {
    worker.stop();
  }
  e2e.finish();
  const finished = asObject(await rest.get(`/history/process-instance/count?processDefinitionId=${definitionId}&completed=true`, 'GET /history/process-instance/count'), 'count');
  if (finished['count'] !== options.instances) throw new Error(`history counts ${JSON.stringify(finished)} completed instances, expected ${options.instances}`);
  if (workerErrors > 0) throw new Error(`${workerErrors} worker handler errors`);
  return {
    name: `rest-${database}`, mode: 'REST + JS client', database, instances: options.instances,
    wallSeconds: round(e2e.wallMs / 1000, 3), instancesPerSecond: round(options.instances / (e2e.wallMs / 1000)),
    endToEnd: summarise('instance end-to-end', e2e.durations), calls: recorder.summaries(),
  };
}
