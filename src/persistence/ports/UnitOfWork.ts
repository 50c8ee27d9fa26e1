import type { EntityName, EntityTypes, FieldOf } from './entities.js';
import type { Condition, QuerySpec, Scalar } from './query.js';

/**
 * One command's view of the database: an identity map (the same id gives the same object),
 * registered inserts and deletes, and dirty tracking. `flush` writes everything in one
 * transaction, inserts parent-first and deletes child-first, and checks `rev` on every update and
 * delete of a versioned entity (Camunda's DbEntityManager + optimistic locking).
 */
export interface UnitOfWork {
  /** Loads by id, from the identity map first. Deleted entities are not returned. */
  get<N extends EntityName>(name: N, id: string): Promise<EntityTypes[N] | undefined>;
  /**
   * Runs a query; rows already in the identity map come back as the cached objects, deleted ones
   * are dropped, and entities inserted in this unit of work that match `where` are added.
   */
  find<N extends EntityName>(name: N, spec?: QuerySpec<N>): Promise<EntityTypes[N][]>;
  count<N extends EntityName>(name: N, where?: Condition<N>): Promise<number>;
  /** Distinct values of one field among matching rows. */
  distinct<N extends EntityName>(name: N, field: FieldOf<N>, where?: Condition<N>): Promise<Scalar[]>;
  insert<N extends EntityName>(name: N, entity: EntityTypes[N]): void;
  delete<N extends EntityName>(name: N, entity: EntityTypes[N]): void;
  /** Deletes every row matching `where` without loading it (history cleanup, cascades). */
  deleteWhere<N extends EntityName>(name: N, where: Condition<N>): void;
  /**
   * Applies changes to a loaded versioned entity right away, guarded by its `rev`; returns false
   * (and changes nothing) when another transaction changed or locked the row first. Used where a
   * conflict means "skip this row", e.g. when fetching and locking external tasks.
   */
  tryUpdate<N extends EntityName>(name: N, entity: EntityTypes[N], changes: Partial<EntityTypes[N]>): Promise<boolean>;
  /** Entities of a type currently in the identity map (loaded or inserted, not deleted). */
  cached<N extends EntityName>(name: N): EntityTypes[N][];
  /** Writes all changes; throws an OptimisticLockingException if a row changed underneath. */
  flush(): Promise<void>;
}

/** Opens units of work; the outermost command owns one and its transaction. */
export interface PersistenceSession {
  /** Runs `work` in one transaction; commits after it returns, rolls back if it throws. */
  transaction<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T>;
  /** Runs read-only `work` without holding a transaction open longer than needed. */
  read<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly dialect: 'sqlite' | 'postgres';
}
