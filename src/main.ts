import { readConfig } from './config.js';
import { ProcessEngine } from './engine/ProcessEngine.js';
import { createApp } from './rest/app.js';
import { createLogger } from './util/logger.js';

/** Starts the engine and serves the Camunda-compatible REST API. */
async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config.logLevel);
  const engine = await ProcessEngine.create({
    databaseUrl: config.databaseUrl, historyLevel: config.historyLevel, logger: log,
    enableExpressionsInAdhocQueries: config.expressionsInAdhocQueries,
  });
  const app = await createApp(engine, { bodyLimit: config.bodyLimit });
  const server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const dbKind = config.databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
    log.info({ port, database: dbKind, historyLevel: config.historyLevel },
      `m8flow listening on http://localhost:${port}/engine-rest`);
  });
  server.keepAliveTimeout = 65_000;
  const stop = (signal: string) => {
    log.info({ signal }, 'shutting down');
    engine.longPolls.releaseAll();
    server.close(() => {
      void engine.close().then(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
