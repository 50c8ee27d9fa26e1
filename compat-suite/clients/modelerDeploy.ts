/**
 * Scenario: what the Camunda Modeler (5.x, Camunda 7 target) does against BASE_URL, in its order:
 * connection check (GET /deployment?maxResults=0), GET /version, deploy (multipart with
 * deployment-name, deployment-source "Camunda Modeler", enable-duplicate-filtering true, the
 * file as a part named after the file with type text/xml), redeploy of the unchanged file
 * (200, same deployment id, no definitions: the Modeler then reuses the one it kept), the Play
 * button (POST /process-definition/{id}/start with {businessKey, variables: null}) and a parse
 * error (400 whose message starts with "ENGINE-09005 Could not parse BPMN process.").
 * Every request carries `accept: application/json` and a 5 s timeout, as the Modeler's do.
 *
 * Run alone: `BASE_URL=http://localhost:8080/engine-rest npx tsx compat-suite/clients/modelerDeploy.ts`
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { matchJson } from '../lib/match.js';
import { newRunId } from '../lib/runner.js';
import type { Json } from '../lib/types.js';
import { asObject, firstDefinition, RestClient, str } from './rest.js';
import { SUITE_DIR, type ScenarioCheck } from './scenario.js';

/** The check id this scenario reports. */
export const MODELER_DEPLOY_CHECK = 'clients/modeler-deploy';

/** Deploys a file like the Modeler's deployment tool; returns the status and parsed body. */
async function modelerDeploy(rest: RestClient, name: string, file: string): Promise<{ status: number; body: Json }> {
  const form = new FormData();
  form.append('deployment-name', name);
  form.append('deployment-source', 'Camunda Modeler');
  form.append('enable-duplicate-filtering', 'true');
  const fileName = file.split('/').pop() ?? file;
  form.append(fileName, new Blob([await readFile(join(SUITE_DIR, file))], { type: 'text/xml' }), fileName);
  const response = await rest.raw('POST', '/deployment/create', form);
  let body: Json = null;
  try {
    body = JSON.parse(response.text) as Json;
  } catch {
    body = response.text;
  }
  return { status: response.status, body };
}

/** Runs the Modeler's sequence; returns one check. */
export async function runModelerDeployScenario(baseUrl: string): Promise<ScenarioCheck[]> {
  const failures: string[] = [];
  const rest = new RestClient(baseUrl, { timeoutMs: 5_000, headers: { accept: 'application/json' } });
  const runId = newRunId();
  try {
    const check = await rest.raw('GET', '/deployment?maxResults=0');
    if (check.status < 200 || check.status > 299) failures.push(`connection check → ${check.status} (the Modeler reports this as not connected)`);
    failures.push(...matchJson({ version: '$regex:^7\\.\\d+\\.\\d+' }, await rest.get('/version'), 'version'));

    const name = `diagram_1-${runId}`;
    const first = await modelerDeploy(rest, name, 'bpmn/diagram_1.bpmn');
    if (first.status !== 200) throw new Error(`deploy → ${first.status} ${JSON.stringify(first.body)}`);
    const deployment = asObject(first.body, 'deployment');
    const definition = firstDefinition(deployment);
    if (!definition) throw new Error(`first deploy returned no process definition: ${JSON.stringify(deployment)}`);
    failures.push(...matchJson({ key: 'compatModelerDiagram', version: '$integer', id: '$id' }, definition, 'definition'));

    const again = await modelerDeploy(rest, name, 'bpmn/diagram_1.bpmn');
    failures.push(...matchJson({ id: str(deployment, 'id'), deployedProcessDefinitions: null }, again.body, 'redeploy'));
    if (again.status !== 200) failures.push(`redeploy → ${again.status}`);

    const started = asObject(await rest.post(`/process-definition/${str(definition, 'id')}/start`, { businessKey: `modeler-${runId}`, variables: null }), 'start');
    failures.push(...matchJson({ id: '$id', definitionId: str(definition, 'id'), businessKey: `modeler-${runId}`, ended: false }, started, 'start'));

    const bad = await modelerDeploy(rest, `malformed-${runId}`, 'bpmn/malformed.bpmn');
    if (bad.status !== 400) failures.push(`malformed deploy → ${bad.status}, expected 400`);
    failures.push(...matchJson({ message: '$startsWith:ENGINE-09005 Could not parse BPMN process.' }, bad.body, 'parse error'));

    await rest.call('DELETE', `/process-instance/${str(started, 'id')}?skipCustomListeners=true`);
    await rest.call('DELETE', `/deployment/${str(deployment, 'id')}?cascade=true`);
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  }
  return [{ id: MODELER_DEPLOY_CHECK, failures }];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const checks = await runModelerDeployScenario(process.env['BASE_URL'] ?? 'http://localhost:8080/engine-rest');
  for (const check of checks) console.log(`${check.failures.length === 0 ? 'PASS' : 'FAIL'} ${check.id}${check.failures.map((f) => `\n  - ${f}`).join('')}`);
  process.exit(checks.every((c) => c.failures.length === 0) ? 0 : 1);
}
