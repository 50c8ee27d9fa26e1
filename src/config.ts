import { parseHistoryLevel, type HistoryLevel } from './history/HistoryLevel.js';

/** Server settings read from the environment (see the README's configuration table). */
export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  historyLevel: HistoryLevel;
  bodyLimit: string;
  logLevel: string;
  /** `M8FLOW_EXPRESSIONS_IN_ADHOC_QUERIES`: Camunda's enableExpressionsInAdhocQueries. */
  expressionsInAdhocQueries: boolean;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = (env[name] ?? 'false').trim().toLowerCase();
  if (value !== 'true' && value !== 'false') throw new Error(`${name} must be true or false (got '${env[name] ?? ''}')`);
  return value === 'true';
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/m8flow.sqlite';

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env['PORT'] ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got '${env['PORT'] ?? ''}')`);
  return {
    port,
    host: env['HOST'] ?? '0.0.0.0',
    databaseUrl: env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL,
    historyLevel: parseHistoryLevel(env['M8FLOW_HISTORY_LEVEL'] ?? 'full'),
    bodyLimit: env['M8FLOW_BODY_LIMIT'] ?? '10mb',
    logLevel: env['LOG_LEVEL'] ?? 'info',
    expressionsInAdhocQueries: flag(env, 'M8FLOW_EXPRESSIONS_IN_ADHOC_QUERIES'),
  };
}
