import type { Logger } from 'pino';
import type { ExpressionManager } from '../expression/ExpressionManager.js';
import type { ScriptRunner } from '../expression/script/ScriptRunner.js';
import type { HistoryLevel } from '../history/HistoryLevel.js';
import type { ProcessGraph } from '../model/graph/ProcessGraph.js';
import type { ProcessDefinitionEntity } from '../persistence/ports/entities.js';
import type { UnitOfWork } from '../persistence/ports/UnitOfWork.js';
import type { Clock } from '../util/Clock.js';
import type { IdGenerator } from '../util/ids.js';

/** Settings the core reads while executing commands. */
export interface EngineSettings {
  readonly historyLevel: HistoryLevel;
  /**
   * Camunda's `enableExpressionsInAdhocQueries` (default false): whether task queries may carry
   * expressions such as `assigneeExpression=${currentUser()}`.
   */
  readonly enableExpressionsInAdhocQueries?: boolean;
}

/** Who runs the command (Camunda's Authentication: user, groups, tenants). */
export interface AuthContext {
  readonly userId: string | null;
  readonly groupIds: readonly string[];
  readonly tenantIds: readonly string[];
}

export const ANONYMOUS: AuthContext = Object.freeze({ userId: null, groupIds: [], tenantIds: [] });

/** A deployed process: its definition row and executable graph. */
export interface DeployedProcess {
  readonly definition: ProcessDefinitionEntity;
  readonly graph: ProcessGraph;
}

/** Access to deployed processes, parsed once and cached across commands. */
export interface ProcessRepository {
  /** Loads the definition and its graph (parsing the stored XML on a cache miss). */
  get(ctx: CommandContext, processDefinitionId: string): Promise<DeployedProcess>;
}

/** Signals the engine raises after a command commits (they drive long polling and job hints). */
export interface EngineEvents {
  externalTasksCreated(topics: readonly string[]): void;
}

/** Script runners by language (lowercase). */
export interface ScriptRunners {
  forLanguage(language: string): ScriptRunner;
}

/**
 * One per outermost command; nested commands reuse it. Holds the unit of work and everything the
 * execution core needs, passed explicitly (no globals).
 */
export interface CommandContext {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly settings: EngineSettings;
  readonly processes: ProcessRepository;
  readonly expressions: ExpressionManager;
  readonly scripts: ScriptRunners;
  readonly auth: AuthContext;
  readonly log: Logger;
  readonly events: EngineEvents;
  /** Runs after the transaction committed (never after a rollback). */
  afterCommit(fn: () => void): void;
  /** Runs once the command returned, before the unit of work is flushed (deferred writes). */
  beforeFlush(fn: () => Promise<void>): void;
}
