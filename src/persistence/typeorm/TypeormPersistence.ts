import type { DataSource } from 'typeorm';
import type { PersistenceSession, UnitOfWork } from '../ports/UnitOfWork.js';
import type { Dialect } from './columnKinds.js';
import { openDataSource, parseDatabaseUrl } from './dataSource.js';
import { TypeormUnitOfWork } from './TypeormUnitOfWork.js';

/** Runs one task at a time; SQLite has a single connection, so its transactions must not interleave. */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** PersistenceSession on TypeORM: PostgreSQL with a pool, or better-sqlite3 serialised. */
export class TypeormPersistence implements PersistenceSession {
  private readonly queue: SerialQueue | undefined;

  private constructor(readonly dataSource: DataSource, readonly dialect: Dialect) {
    this.queue = dialect === 'sqlite' ? new SerialQueue() : undefined;
  }

  static async open(databaseUrl: string): Promise<TypeormPersistence> {
    const location = parseDatabaseUrl(databaseUrl);
    return new TypeormPersistence(await openDataSource(location), location.dialect);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    return this.queue ? this.queue.run(task) : task();
  }

  transaction<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        const uow = new TypeormUnitOfWork(runner, this.dialect);
        const result = await work(uow);
        await uow.flush();
        await runner.commitTransaction();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        throw error;
      } finally {
        await runner.release();
      }
    });
  }

  read<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        return await work(new TypeormUnitOfWork(runner, this.dialect));
      } finally {
        await runner.release();
      }
    });
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
