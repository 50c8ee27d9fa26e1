import { expect } from 'vitest';
import { FakeClock } from '../../src/util/Clock.js';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployFixtures, expectStatus, field, obj, startByKey, type Json } from './support.js';

/** A REST fixture whose engine may allow expressions in ad-hoc queries. */
export async function createTaskQueryFixture(options: { expressions?: boolean; historyLevel?: 'audit' | 'full' } = {}): Promise<RestFixture & { clock: FakeClock }> {
  const clock = new FakeClock('2026-01-31T10:00:00.000Z');
  const fixture = await createRestFixture({ ...options, clock });
  return { ...fixture, clock };
}

const date = (text: string): Json => ({ value: `${text}T10:00:00.000+0000`, type: 'Date' });
const str = (value: string | null): Json => (value === null ? { value: null } : { value, type: 'String' });

/** The four instances of taskQuery.bpmn every task query test works on (one task each). */
export const ROWS: Record<string, Json> = {
  t1: {
    taskName: str('Review Invoice'), description: str('First review'), assignee: str(null), candidateUsers: str('kermit'),
    candidateGroups: str('accounting'), due: date('2026-02-01'), followUp: str(null), priority: { value: 10, type: 'Integer' },
    customer: str('Ada'), amount: { value: 100, type: 'Integer' }, score: { value: 1.5, type: 'Double' },
    vip: { value: true, type: 'Boolean' }, since: date('2020-01-01'), ref: str('A_1'),
  },
  t2: {
    taskName: str('review contract'), description: str('Second review'), assignee: str('demo'), candidateUsers: str(null),
    candidateGroups: str('accounting,management'), due: date('2026-02-02'), followUp: date('2026-02-05'),
    priority: { value: 20, type: 'Integer' }, customer: str('bob'), amount: { value: 250, type: 'Integer' },
    score: { value: 2.5, type: 'Double' }, vip: { value: false, type: 'Boolean' }, since: date('2021-06-01'), ref: str('B%2'),
  },
  t3: {
    taskName: str('Approve'), description: str(null), assignee: str(null), candidateUsers: str('gonzo'),
    candidateGroups: str('management'), due: str(null), followUp: date('2026-02-03'), priority: { value: 30, type: 'Integer' },
    customer: str('ADA'), amount: { value: 50, type: 'Long' }, score: { value: null }, ref: str('A-3'),
  },
  t4: {
    taskName: str('Archive'), description: str('archive it'), assignee: str(null), candidateUsers: str(null),
    candidateGroups: str(null), due: str(null), followUp: str(null), priority: { value: 40, type: 'Integer' }, customer: { value: null },
  },
};

/** Task and process instance ids by row name. */
export interface Started {
  task: Record<string, string>;
  instance: Record<string, string>;
}

/** Deploys taskQuery.bpmn and starts the four rows, one second apart, business keys bk-1 … bk-4. */
export async function startRows(f: RestFixture & { clock: FakeClock }): Promise<Started> {
  await deployFixtures(f, ['taskQuery.bpmn']);
  const started: Started = { task: {}, instance: {} };
  for (const [index, [name, variables]] of Object.entries(ROWS).entries()) {
    const instance = field(await startByKey(f, 'taskQueryProcess', { businessKey: `bk-${index + 1}`, variables }), 'id');
    const [row] = arr(expectStatus(await f.api.get(`${f.root}/task?processInstanceId=${instance}`), 200));
    started.instance[name] = instance;
    started.task[name] = field(row, 'id');
    f.clock.advance(1000);
  }
  return started;
}

/** Query helpers bound to a fixture and its started rows (results as row names). */
export function queries(f: RestFixture, started: Started) {
  const names = new Map(Object.entries(started.task).map(([name, id]) => [id, name]));
  const toNames = (rows: Json[]) => rows.map((row) => names.get(row['id'] as string) ?? row['id']);
  return {
    /** GET /task with a query string: the row names in result order. */
    get: async (query: string): Promise<unknown[]> => toNames(arr(expectStatus(await f.api.get(`${f.root}/task${query}`), 200))),
    /** POST /task with a body: the row names in result order. */
    post: async (body: Json, query = ''): Promise<unknown[]> =>
      toNames(arr(expectStatus(await f.api.post(`${f.root}/task${query}`).send(body), 200))),
    /** GET /task/count. */
    count: async (query: string): Promise<unknown> => obj(expectStatus(await f.api.get(`${f.root}/task/count${query}`), 200))['count'],
    /** POST /task/count. */
    postCount: async (body: Json): Promise<unknown> => obj(expectStatus(await f.api.post(`${f.root}/task/count`).send(body), 200))['count'],
  };
}

/** The row names sorted, for assertions that do not depend on order. */
export function sorted(values: unknown[]): unknown[] {
  expect(Array.isArray(values)).toBe(true);
  return [...values].sort();
}
