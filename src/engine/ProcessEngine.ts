import type { EngineEvents, EngineSettings, ScriptRunners } from '../command/CommandContext.js';
import { CommandExecutor, type Interceptor } from '../command/CommandExecutor.js';
import { ElExpressionManager } from '../expression/el/ElExpressionManager.js';
import { createScriptRunners } from '../expression/script/scriptRunners.js';
import { LongPollRegistry } from '../external-task/LongPollRegistry.js';
import type { HistoryLevel } from '../history/HistoryLevel.js';
import type { PersistenceSession } from '../persistence/ports/UnitOfWork.js';
import { TypeormPersistence } from '../persistence/typeorm/TypeormPersistence.js';
import { SystemClock, type Clock } from '../util/Clock.js';
import { uuidGenerator, type IdGenerator } from '../util/ids.js';
import { silentLogger, type Logger } from '../util/logger.js';
import type { EngineConfig } from './EngineConfig.js';
import { ProcessDefinitions } from './ProcessDefinitions.js';
import { ExternalTaskService } from './services/ExternalTaskService.js';
import { HistoryService } from './services/HistoryService.js';
import { RepositoryService } from './services/RepositoryService.js';
import { RuntimeService } from './services/RuntimeService.js';
import { TaskService } from './services/TaskService.js';

/** Logs commands that fail with an unexpected (non-catalogue) error. */
function loggingInterceptor(log: Logger): Interceptor {
  return async (cmd, next) => {
    try {
      return await next(cmd);
    } catch (error) {
      if (!(error instanceof Error) || !('spec' in error)) log.error({ err: error, command: cmd.name }, 'M8-00002 command failed');
      throw error;
    }
  };
}

/**
 * The process engine: persistence, deployed-process cache, expression and script languages, and
 * the services that clients and the REST API use (Camunda's ProcessEngine).
 */
export class ProcessEngine {
  readonly repository: RepositoryService;
  readonly runtime: RuntimeService;
  readonly tasks: TaskService;
  readonly externalTasks: ExternalTaskService;
  readonly history: HistoryService;
  readonly longPolls: LongPollRegistry;

  private constructor(
    readonly persistence: PersistenceSession,
    readonly clock: Clock,
    readonly historyLevel: HistoryLevel,
    readonly log: Logger,
    private readonly scripts: ScriptRunners & { dispose(): void },
    ids: IdGenerator,
    settings: EngineSettings,
  ) {
    this.longPolls = new LongPollRegistry(clock);
    const definitions = new ProcessDefinitions();
    const events: EngineEvents = { externalTasksCreated: (topics) => this.longPolls.notify(topics) };
    const executor = new CommandExecutor({
      persistence, clock, ids, settings, processes: definitions,
      expressions: new ElExpressionManager(), scripts, log, events,
    }, [loggingInterceptor(log)]);
    this.repository = new RepositoryService(executor, definitions);
    this.runtime = new RuntimeService(executor);
    this.tasks = new TaskService(executor);
    this.externalTasks = new ExternalTaskService(executor, this.longPolls);
    this.history = new HistoryService(executor);
  }

  static async create(config: EngineConfig): Promise<ProcessEngine> {
    const persistence = await TypeormPersistence.open(config.databaseUrl);
    const scripts = createScriptRunners({
      ...(config.scriptTimeoutMs === undefined ? {} : { timeoutMs: config.scriptTimeoutMs }),
      ...(config.scriptMemoryMb === undefined ? {} : { memoryLimitMb: config.scriptMemoryMb }),
    });
    const historyLevel = config.historyLevel ?? 'full';
    const settings: EngineSettings = { historyLevel, enableExpressionsInAdhocQueries: config.enableExpressionsInAdhocQueries === true };
    return new ProcessEngine(persistence, config.clock ?? new SystemClock(), historyLevel,
      config.logger ?? silentLogger, scripts, config.ids ?? uuidGenerator, settings);
  }

  async close(): Promise<void> {
    this.longPolls.releaseAll();
    this.scripts.dispose();
    await this.persistence.close();
  }
}
