/**
 * The compatibility suite runner: black-box HTTP cases (cases/<tag>/<case>.json) and client
 * scenarios (clients/*.ts) against any Camunda-7-compatible BASE_URL — m8flow in CI, a real
 * Camunda 7 where one is available. See compat-suite/README.md.
 *
 *   BASE_URL=http://localhost:8080/engine-rest npm run test:compat
 *
 * Environment: BASE_URL (default http://localhost:8080/engine-rest), COMPAT_FILTER (only case ids
 * containing this text), COMPAT_CLIENTS=0 (cases only), COMPAT_IGNORE_SKIPS=1 (treat skip.json
 * entries as ordinary cases, e.g. against real Camunda), COMPAT_INSTANCES (JS client scenario size).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTERNAL_TASK_CLIENT_CHECKS, runExternalTaskClientScenario } from './clients/externalTaskClient.js';
import { MODELER_DEPLOY_CHECK, runModelerDeployScenario } from './clients/modelerDeploy.js';
import { SUITE_DIR, type ScenarioCheck } from './clients/scenario.js';
import { loadCases, loadSkips } from './lib/cases.js';
import { newRunId, runCase } from './lib/runner.js';
import type { CaseResult, RunSummary } from './lib/types.js';

export type { CaseResult, RunSummary } from './lib/types.js';

export { SUITE_DIR } from './clients/scenario.js';

/** The default target: a local server on Camunda's usual port. */
export const DEFAULT_BASE_URL = 'http://localhost:8080/engine-rest';

/** Options of a run. */
export interface CompatRunOptions {
  baseUrl: string;
  /** Only cases whose id contains this text. */
  filter?: string;
  /** Run the client scenarios too (default true). */
  clients?: boolean;
  /** Ignore skip.json (default false). */
  ignoreSkips?: boolean;
  /** Instances the JS client scenario starts (default 10). */
  clientInstances?: number;
  /** Where progress lines go (default console.log); pass `() => {}` for silence. */
  log?: (line: string) => void;
}

interface Runnable {
  id: string;
  run(): Promise<string[]>;
}

/** Groups the checks of one scenario run so that each check becomes its own runnable. */
function scenario(ids: readonly string[], execute: () => Promise<ScenarioCheck[]>): Runnable[] {
  let pending: Promise<ScenarioCheck[]> | undefined;
  return ids.map((id) => ({
    id,
    run: async () => {
      pending ??= execute();
      const check = (await pending).find((c) => c.id === id);
      return check ? check.failures : [`scenario did not report check ${id}`];
    },
  }));
}

function outcomeOf(id: string, failures: string[], skipReason: string | undefined, durationMs: number): CaseResult {
  if (skipReason === undefined) return { id, outcome: failures.length === 0 ? 'passed' : 'failed', failures, durationMs };
  return { id, outcome: 'skipped', failures, skipReason, unexpectedPass: failures.length === 0, durationMs };
}

function formatResult(result: CaseResult): string {
  const time = `(${Math.round(result.durationMs)} ms)`;
  if (result.outcome === 'passed') return `  ok    ${result.id} ${time}`;
  if (result.outcome === 'failed') return `  FAIL  ${result.id} ${time}${result.failures.map((f) => `\n          ${f}`).join('')}`;
  const first = result.failures[0] ?? '';
  const note = result.unexpectedPass ? ' — now PASSES: remove it from skip.json'
    : `\n          (still fails: ${first.length > 160 ? `${first.slice(0, 157)}...` : first})`;
  return `  skip  ${result.id}: ${result.skipReason ?? ''}${note}`;
}

/**
 * Runs every case (and the client scenarios) against `baseUrl` one after another. Cases listed in
 * skip.json still run, but count as skipped; one that passes is flagged so the entry can go.
 */
export async function runCompatSuite(options: CompatRunOptions): Promise<RunSummary> {
  const log = options.log ?? ((line: string) => console.log(line));
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const runId = newRunId();
  const skips = options.ignoreSkips ? new Map<string, string>() : await loadSkips(join(SUITE_DIR, 'skip.json'));
  const cases = await loadCases(join(SUITE_DIR, 'cases'));
  const runnables: Runnable[] = cases.map((c) => ({ id: c.id, run: () => runCase(c, { baseUrl, suiteDir: SUITE_DIR, runId }) }));
  if (options.clients !== false) {
    runnables.push(...scenario([MODELER_DEPLOY_CHECK], () => runModelerDeployScenario(baseUrl)));
    runnables.push(...scenario(Object.values(EXTERNAL_TASK_CLIENT_CHECKS),
      () => runExternalTaskClientScenario({ baseUrl, instances: options.clientInstances ?? 10 })));
  }
  const selected = runnables.filter((r) => options.filter === undefined || r.id.includes(options.filter));
  const unknownSkips = [...skips.keys()].filter((id) => !runnables.some((r) => r.id === id));
  log(`compat: ${selected.length} cases against ${baseUrl} (run ${runId})`);
  const results: CaseResult[] = [];
  for (const runnable of selected) {
    const started = performance.now();
    let failures: string[];
    try {
      failures = await runnable.run();
    } catch (error) {
      failures = [error instanceof Error ? error.message : String(error)];
    }
    const result = outcomeOf(runnable.id, failures, skips.get(runnable.id), performance.now() - started);
    results.push(result);
    log(formatResult(result));
  }
  for (const id of unknownSkips) log(`  note  skip.json names '${id}', which is no case`);
  const count = (outcome: CaseResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const summary: RunSummary = { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), results };
  log(`compat: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
  return summary;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = process.env;
  const summary = await runCompatSuite({
    baseUrl: env['BASE_URL'] ?? DEFAULT_BASE_URL,
    ...(env['COMPAT_FILTER'] ? { filter: env['COMPAT_FILTER'] } : {}),
    clients: env['COMPAT_CLIENTS'] !== '0',
    ignoreSkips: env['COMPAT_IGNORE_SKIPS'] === '1',
    clientInstances: Number(env['COMPAT_INSTANCES'] ?? 10),
  });
  process.exit(summary.failed > 0 ? 1 : 0);
}
