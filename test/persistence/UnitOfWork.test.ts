import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { where } from '../../src/persistence/ports/query.js';
import type { TaskEntity } from '../../src/persistence/ports/entities.js';
import { TypeormPersistence } from '../../src/persistence/typeorm/TypeormPersistence.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../helpers/database.js';

function task(id: string, overrides: Partial<TaskEntity> = {}): TaskEntity {
  return {
    id, rev: 1, executionId: null, processInstanceId: 'pi-1', processDefinitionId: null, taskDefinitionKey: 'review',
    activityInstanceId: null, name: 'Review', description: null, owner: null, assignee: null, delegationState: null,
    priority: 50, createTime: new Date('2026-01-31T10:00:00.000Z'), lastUpdated: null, dueDate: null,
    followUpDate: null, parentTaskId: null, suspensionState: 1, tenantId: null, formKey: null, ...overrides,
  };
}

describe(`unit of work on ${testDialect()}`, () => {
  let db: TestDatabase;
  let persistence: TypeormPersistence;

  beforeAll(async () => {
    db = await createTestDatabase();
    persistence = await TypeormPersistence.open(db.url);
  });
  afterAll(async () => {
    await persistence.close();
    await db.drop();
  });

  it('stores an entity and reads it back with the same types', async () => {
    await persistence.transaction(async (uow) => uow.insert('task', task('t1', { dueDate: new Date('2026-02-01T00:00:00.123Z') })));
    const loaded = await persistence.read((uow) => uow.get('task', 't1'));
    expect(loaded).toMatchObject({ id: 't1', rev: 1, priority: 50, assignee: null, name: 'Review' });
    expect(loaded?.dueDate?.toISOString()).toBe('2026-02-01T00:00:00.123Z');
  });

  it('returns the same object for the same id within one unit of work', async () => {
    await persistence.read(async (uow) => {
      const first = await uow.get('task', 't1');
      const [second] = await uow.find('task', { where: where.eq('id', 't1') });
      expect(second).toBe(first);
    });
  });

  it('increments rev on every update', async () => {
    await persistence.transaction(async (uow) => {
      const t = await uow.get('task', 't1');
      if (t) t.assignee = 'demo';
    });
    const after = await persistence.read((uow) => uow.get('task', 't1'));
    expect(after).toMatchObject({ assignee: 'demo', rev: 2 });
  });

  it.runIf(testDialect() === 'postgres')('rejects the later of two concurrent updates with OptimisticLockingException', async () => {
    let firstLoadedSignal: () => void = () => undefined;
    const firstLoaded = new Promise<void>((resolve) => {
      firstLoadedSignal = resolve;
    });
    let secondCommittedSignal: () => void = () => undefined;
    const secondCommitted = new Promise<void>((resolve) => {
      secondCommittedSignal = resolve;
    });
    const first = persistence.transaction(async (uow) => {
      const t = await uow.get('task', 't1');
      if (!t) throw new Error('missing');
      t.assignee = 'first';
      firstLoadedSignal();
      await secondCommitted;
    });
    await firstLoaded;
    await persistence.transaction(async (uow) => {
      const t = await uow.get('task', 't1');
      if (t) t.assignee = 'second';
    });
    secondCommittedSignal();
    await expect(first).rejects.toMatchObject({ type: 'OptimisticLockingException', code: 1 });
    const stored = await persistence.read((uow) => uow.get('task', 't1'));
    expect(stored).toMatchObject({ assignee: 'second', rev: 3 });
  });

  it('rolls back every change of a failed transaction', async () => {
    await expect(persistence.transaction(async (uow) => {
      uow.insert('task', task('t2'));
      await uow.flush();
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await persistence.read((uow) => uow.get('task', 't2'))).toBeUndefined();
  });

  it('filters, sorts and pages with parameterised conditions', async () => {
    await persistence.transaction(async (uow) => {
      for (let i = 0; i < 5; i++) uow.insert('task', task(`q${i}`, { priority: i * 10, name: `Task ${i}`, processInstanceId: 'pi-q' }));
    });
    const page = await persistence.read((uow) => uow.find('task', {
      where: where.and(where.eq('processInstanceId', 'pi-q'), where.cmp('priority', '>=', 10)),
      orderBy: [{ field: 'priority', direction: 'desc' }],
      offset: 1, limit: 2,
    }));
    expect(page.map((t) => t.id)).toEqual(['q3', 'q2']);
    const injected = await persistence.read((uow) => uow.count('task', where.eq('name', "x' OR '1'='1")));
    expect(injected).toBe(0);
    const like = await persistence.read((uow) => uow.count('task', where.cmp('name', 'like', 'Task%')));
    expect(like).toBe(5);
    const caseSensitive = await persistence.read((uow) => uow.count('task', where.cmp('name', 'like', 'task%')));
    expect(caseSensitive).toBe(0);
  });

  it('stores many rows of one table in batches beyond one statement', async () => {
    await persistence.transaction(async (uow) => {
      for (let i = 0; i < 250; i++) uow.insert('task', task(`bulk-${i}`, { processInstanceId: 'pi-bulk', priority: i }));
    });
    expect(await persistence.read((uow) => uow.count('task', where.eq('processInstanceId', 'pi-bulk')))).toBe(250);
    const last = await persistence.read((uow) => uow.get('task', 'bulk-249'));
    expect(last).toMatchObject({ priority: 249, rev: 1 });
  });

  it('sees its own unflushed inserts in queries and drops its deletes', async () => {
    await persistence.transaction(async (uow) => {
      uow.insert('task', task('n1', { processInstanceId: 'pi-n' }));
      const found = await uow.find('task', { where: where.eq('processInstanceId', 'pi-n') });
      expect(found.map((t) => t.id)).toEqual(['n1']);
      const existing = await uow.get('task', 'q0');
      if (existing) uow.delete('task', existing);
      expect(await uow.get('task', 'q0')).toBeUndefined();
    });
    expect(await persistence.read((uow) => uow.get('task', 'q0'))).toBeUndefined();
  });
});
