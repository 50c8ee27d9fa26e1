import { parseHistoryLevel, type HistoryLevel } from './history/HistoryLevel.js';

/** Server settings read from the environment (see the README's configuration table). */
export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  historyLevel: HistoryLevel;
  bodyLimit: string;
  logLevel: string;
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
  };
}
