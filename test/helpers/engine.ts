import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeploymentResult } from '../../src/commands/repository/DeployCmd.js';
import { ProcessEngine } from '../../src/engine/ProcessEngine.js';
import type { QueryRequest } from '../../src/engine/query/QueryRequest.js';
import { inferTypedValue } from '../../src/execution/variables/infer.js';
import type { TypedValue } from '../../src/execution/variables/TypedValue.js';
import { FakeClock } from '../../src/util/Clock.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/** An engine on the test database with a fake clock (Camunda's ProcessEngineRule, in spirit). */
export interface EngineFixture {
  engine: ProcessEngine;
  clock: FakeClock;
  db: TestDatabase;
  close(): Promise<void>;
}

export async function createEngineFixture(historyLevel: 'none' | 'activity' | 'audit' | 'full' = 'full'): Promise<EngineFixture> {
  const db = await createTestDatabase();
  const clock = new FakeClock();
  const engine = await ProcessEngine.create({ databaseUrl: db.url, clock, historyLevel });
  return {
    engine, clock, db,
    close: async () => {
      await engine.close();
      await db.drop();
    },
  };
}

/**
 * Deploys `<dir>/<name>.bpmn` (Camunda's @Deployment): fixtures live beside the test that uses them.
 */
export async function deploy(engine: ProcessEngine, dir: string, ...names: string[]): Promise<DeploymentResult> {
  return engine.repository.deploy({
    name: names.join(','), source: null, tenantId: null, enableDuplicateFiltering: false, deployChangedOnly: false,
    resources: names.map((name) => ({ name: `${name}.bpmn`, bytes: readFileSync(join(dir, `${name}.bpmn`)) })),
  });
}

/** Plain values → typed variables, inferred as Camunda does for untyped values. */
export function vars(values: Record<string, unknown>): Map<string, TypedValue> {
  return new Map(Object.entries(values).map(([k, v]) => [k, inferTypedValue(v)]));
}

export function q(filters: Record<string, unknown> = {}, sorting: QueryRequest['sorting'] = []): QueryRequest {
  return { filters, sorting };
}

/** Starts the latest version of a key. */
export async function start(engine: ProcessEngine, key: string, variables: Record<string, unknown> = {}, businessKey: string | null = null) {
  return engine.runtime.startProcessInstance({ processDefinitionKey: key, variables: vars(variables), businessKey });
}

/** The activity ids of the instance's current activity instances, sorted. */
export async function activeActivities(engine: ProcessEngine, processInstanceId: string): Promise<string[]> {
  const tree = await engine.runtime.getActivityInstance(processInstanceId);
  return (tree?.childActivityInstances ?? []).map((a) => a.activityId).sort();
}
