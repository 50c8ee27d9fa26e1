import type { PersistenceSession, UnitOfWork } from '../persistence/ports/UnitOfWork.js';
import type { Command } from './Command.js';
import type { AuthContext, CommandContext } from './CommandContext.js';
import { ANONYMOUS } from './CommandContext.js';

/** Wraps command execution; composed once at start-up (logging, retries, metrics). */
export type Interceptor = <T>(cmd: Command<T>, next: (cmd: Command<T>) => Promise<T>) => Promise<T>;

/** What every command context shares: the context minus what is per command, plus persistence. */
export type CommandServices = Omit<CommandContext, 'uow' | 'auth' | 'afterCommit' | 'beforeFlush'> & {
  readonly persistence: PersistenceSession;
};

class Context implements CommandContext {
  readonly afterCommitHooks: (() => void)[] = [];
  readonly beforeFlushHooks: (() => Promise<void>)[] = [];

  constructor(readonly uow: UnitOfWork, private readonly services: CommandServices, readonly auth: AuthContext) {}

  get clock() { return this.services.clock; }
  get ids() { return this.services.ids; }
  get settings() { return this.services.settings; }
  get processes() { return this.services.processes; }
  get expressions() { return this.services.expressions; }
  get scripts() { return this.services.scripts; }
  get log() { return this.services.log; }
  get events() { return this.services.events; }

  afterCommit(fn: () => void): void {
    this.afterCommitHooks.push(fn);
  }

  beforeFlush(fn: () => Promise<void>): void {
    this.beforeFlushHooks.push(fn);
  }

  async runBeforeFlush(): Promise<void> {
    while (this.beforeFlushHooks.length > 0) await this.beforeFlushHooks.shift()?.();
  }
}

/**
 * Runs commands: one unit of work and transaction per outermost command, the interceptor chain
 * around it, and after-commit hooks once the transaction has committed.
 */
export class CommandExecutor {
  private readonly chain: <T>(cmd: Command<T>, auth: AuthContext) => Promise<T>;

  constructor(private readonly services: CommandServices, interceptors: readonly Interceptor[] = []) {
    const base = <T>(cmd: Command<T>, auth: AuthContext): Promise<T> => this.run(cmd, auth);
    this.chain = interceptors.reduceRight<<T>(cmd: Command<T>, auth: AuthContext) => Promise<T>>(
      (next, interceptor) => <T>(cmd: Command<T>, auth: AuthContext) => interceptor(cmd, (c) => next(c, auth)),
      base,
    );
  }

  execute<T>(cmd: Command<T>, auth: AuthContext = ANONYMOUS): Promise<T> {
    return this.chain(cmd, auth);
  }

  private async run<T>(cmd: Command<T>, auth: AuthContext): Promise<T> {
    let context: Context | undefined;
    const work = async (uow: UnitOfWork) => {
      const ctx = new Context(uow, this.services, auth);
      context = ctx;
      const value = await cmd.execute(ctx);
      await ctx.runBeforeFlush();
      return value;
    };
    const result = cmd.readOnly
      ? await this.services.persistence.read(work)
      : await this.services.persistence.transaction(work);
    for (const hook of context?.afterCommitHooks ?? []) {
      try {
        hook();
      } catch (error) {
        this.services.log.error({ err: error, command: cmd.name }, 'M8-00001 after-commit hook failed');
      }
    }
    return result;
  }
}
