import type { Logger } from 'pino';
import type { HistoryLevel } from '../history/HistoryLevel.js';
import type { Clock } from '../util/Clock.js';
import type { IdGenerator } from '../util/ids.js';

/** Everything needed to create a process engine; all but the database have defaults. */
export interface EngineConfig {
  /** `sqlite:./data/m8flow.sqlite`, `sqlite::memory:` or `postgres://user@host:5432/db`. */
  databaseUrl: string;
  historyLevel?: HistoryLevel;
  clock?: Clock;
  ids?: IdGenerator;
  logger?: Logger;
  /**
   * Camunda's `enableExpressionsInAdhocQueries` (default false): task queries may carry
   * expressions (`assigneeExpression=${currentUser()}`); otherwise they are refused with a 400.
   */
  enableExpressionsInAdhocQueries?: boolean;
  /** Script sandbox limits. */
  scriptTimeoutMs?: number;
  scriptMemoryMb?: number;
}
