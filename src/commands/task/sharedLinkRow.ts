/**
 * Camunda's task query joins ACT_RU_IDENTITYLINK once (`left join … I on I.TASK_ID_ = RES.ID_`)
 * and every identity link filter of the request, in the query and in all `orQueries` entries,
 * tests that same row: a task matches when one of its links (or, without links, the empty row)
 * satisfies the whole WHERE clause. The filters mark their conditions on that row with
 * `linkRowCondition`; `shareLinkRow` then rewrites the finished condition into an OR of terms,
 * each "task conditions AND one link satisfying all its link conditions", which is the same set.
 */
import { where, type Condition, type ExistsCondition } from '../../persistence/ports/query.js';

type T = 'task';
type L = 'identityLink';

const LINK_ROW = new WeakSet<object>();

/** Beyond this many terms the rewrite stops and each marked condition tests a link of its own. */
const MAX_TERMS = 256;

/** A condition on the task's joined identity link row (Camunda's alias `I`). */
export function linkRowCondition(condition: Condition<L>): Condition<T> {
  const exists: ExistsCondition<T> = { kind: 'exists', entity: 'identityLink', link: [['taskId', 'id']], where: condition };
  LINK_ROW.add(exists);
  return exists;
}

function isLinkRow(condition: Condition<T>): condition is ExistsCondition<T> {
  return LINK_ROW.has(condition);
}

function mentionsLinkRow(condition: Condition<T>): boolean {
  if (isLinkRow(condition)) return true;
  if (condition.kind === 'and' || condition.kind === 'or') return condition.items.some(mentionsLinkRow);
  if (condition.kind === 'not') {
    if (mentionsLinkRow(condition.item)) throw new Error('a condition on the joined identity link is negated');
  }
  return false;
}

/** One disjunct: conditions on the task, and conditions one link row must meet together. */
interface Term {
  task: Condition<T>[];
  link: Condition<L>[];
}

function cross(left: Term[], right: Term[]): Term[] {
  const result: Term[] = [];
  for (const a of left) for (const b of right) result.push({ task: [...a.task, ...b.task], link: [...a.link, ...b.link] });
  if (result.length > MAX_TERMS) throw new RangeError('too many terms');
  return result;
}

function termsOf(condition: Condition<T>): Term[] {
  if (isLinkRow(condition)) return [{ task: [], link: [condition.where as Condition<L>] }];
  if (!mentionsLinkRow(condition)) return [{ task: [condition], link: [] }];
  if (condition.kind === 'and') return condition.items.reduce<Term[]>((acc, item) => cross(acc, termsOf(item)), [{ task: [], link: [] }]);
  if (condition.kind !== 'or') return [{ task: [condition], link: [] }];
  const plain = condition.items.filter((item) => !mentionsLinkRow(item));
  const terms = condition.items.filter(mentionsLinkRow).flatMap(termsOf);
  if (terms.length > MAX_TERMS) throw new RangeError('too many terms');
  return plain.length === 0 ? terms : [{ task: [where.or<T>(...plain)], link: [] }, ...terms];
}

function termCondition(term: Term): Condition<T> {
  const link: Condition<T> | undefined = term.link.length === 0 ? undefined
    : { kind: 'exists', entity: 'identityLink', link: [['taskId', 'id']], where: where.and<L>(...term.link) };
  const parts = [...term.task, link].filter((c): c is Condition<T> => c !== undefined);
  return parts.length === 0 ? { kind: 'true' } : where.and<T>(...parts);
}

/** Rewrites a task condition so that all marked link conditions test one and the same link. */
export function shareLinkRow(condition: Condition<T>): Condition<T> {
  if (!mentionsLinkRow(condition)) return condition;
  let terms: Term[];
  try {
    terms = termsOf(condition);
  } catch (error) {
    if (error instanceof RangeError) return condition;
    throw error;
  }
  return terms.length === 1 ? termCondition(terms[0] as Term) : where.or<T>(...terms.map(termCondition));
}
