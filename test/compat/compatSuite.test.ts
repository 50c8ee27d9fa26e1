import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCompatSuite } from '../../compat-suite/run.js';
import { createApp, ProcessEngine } from '../../src/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/**
 * Runs compat-suite/ (the HTTP cases, the Modeler-style deploy and the real
 * camunda-external-task-client-js worker) against an in-process server on the test database.
 * Cases listed in compat-suite/skip.json still run but do not fail the build.
 */
describe('compat suite', () => {
  let db: TestDatabase;
  let engine: ProcessEngine;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    engine = await ProcessEngine.create({ databaseUrl: db.url });
    const app = await createApp(engine, { validateResponses: true });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/engine-rest`;
  });

  afterAll(async () => {
    engine?.longPolls.releaseAll();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await engine?.close();
    await db?.drop();
  });

  it('passes every case and client scenario that is not a known gap', async () => {
    const lines: string[] = [];
    const summary = await runCompatSuite({ baseUrl, log: (line) => lines.push(line) });
    const failed = summary.results.filter((r) => r.outcome === 'failed');
    expect(failed.map((r) => `${r.id}: ${r.failures.join('; ')}`), lines.join('\n')).toEqual([]);
    expect(summary.passed).toBeGreaterThan(20);
  }, 60_000);
});
