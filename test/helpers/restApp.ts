import { readFileSync } from 'node:fs';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { ProcessEngine } from '../../src/engine/ProcessEngine.js';
import { createApp } from '../../src/rest/app.js';
import { FakeClock, type Clock } from '../../src/util/Clock.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/** A REST test fixture: engine on the test database, app validating every response against the contract. */
export interface RestFixture {
  engine: ProcessEngine;
  api: TestAgent;
  /** The root all requests go to. */
  root: string;
  clock: Clock;
  close(): Promise<void>;
}

export interface RestFixtureOptions {
  clock?: Clock;
  historyLevel?: 'none' | 'activity' | 'audit' | 'full';
  /** Camunda's enableExpressionsInAdhocQueries. */
  expressions?: boolean;
}

export async function createRestFixture(options: RestFixtureOptions = {}): Promise<RestFixture> {
  const db: TestDatabase = await createTestDatabase();
  const clock = options.clock ?? new FakeClock();
  const engine = await ProcessEngine.create({
    databaseUrl: db.url, clock, historyLevel: options.historyLevel ?? 'full', enableExpressionsInAdhocQueries: options.expressions === true,
  });
  const app = await createApp(engine, { validateResponses: true });
  return {
    engine, api: supertest(app), root: '/engine-rest', clock,
    close: async () => {
      await engine.close();
      await db.drop();
    },
  };
}

/** Deploys BPMN files through the REST API the way the Camunda Modeler does; returns the response body. */
export async function deployFiles(fixture: RestFixture, files: { name: string; path?: string; xml?: string }[], name = 'test'): Promise<Record<string, unknown>> {
  let request = fixture.api.post(`${fixture.root}/deployment/create`)
    .field('deployment-name', name).field('deployment-source', 'Camunda Modeler').field('enable-duplicate-filtering', 'true');
  for (const file of files) {
    const content = file.xml ?? readFileSync(file.path ?? '', 'utf8');
    request = request.attach(file.name, Buffer.from(content, 'utf8'), { filename: file.name, contentType: 'text/xml' });
  }
  const response = await request;
  if (response.status !== 200) throw new Error(`deployment failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Record<string, unknown>;
}
