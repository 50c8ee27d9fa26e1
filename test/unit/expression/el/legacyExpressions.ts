/**
 * Expressions as Camunda 7 users write them in deployed models (gateway conditions, listeners,
 * assignments, multi-instance completion conditions, input/output mappings), each with the
 * variables it runs against and the result Camunda's JUEL gives. `execution` is available as a bean
 * over the same variables (see elTestContext.ts); `currentUser()` returns 'demo'.
 */

/** One legacy expression and the value Camunda 7 evaluates it to. */
export interface LegacyExpressionCase {
  readonly text: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly expected: unknown;
  /** Where such an expression typically appears. */
  readonly usage: string;
}

const invoice = { amount: 1250.5, category: 'Travel Expenses', approver: { name: 'mary', department: 'finance' } };
const order = { id: 'o-1', items: [{ sku: 'A', price: 80 }, { sku: 'B', price: 120 }], customer: { vip: false, city: 'Berlin' } };

/** The fixture list; grouped loosely by where they appear in models. */
export const legacyExpressions: readonly LegacyExpressionCase[] = [
  // Exclusive gateway conditions
  { text: '${approved}', variables: { approved: true }, expected: true, usage: 'gateway condition' },
  { text: '${!approved}', variables: { approved: false }, expected: true, usage: 'gateway condition' },
  { text: '${not approved}', variables: { approved: true }, expected: false, usage: 'gateway condition' },
  { text: '#{approved == true}', variables: { approved: true }, expected: true, usage: 'gateway condition' },
  { text: "${approved == 'true'}", variables: { approved: true }, expected: true, usage: 'form boolean compared as text' },
  { text: "${action == 'Approved'}", variables: { action: 'Approved' }, expected: true, usage: 'gateway condition' },
  { text: '${approvalStatus == "REJECTED"}', variables: { approvalStatus: 'APPROVED' }, expected: false, usage: 'gateway condition' },
  { text: "${action != 'Approved'}", variables: { action: 'Rejected' }, expected: true, usage: 'gateway condition' },
  { text: '${amount > 1000 && customer.vip}', variables: { amount: 1500, customer: { vip: true } }, expected: true, usage: 'gateway condition' },
  { text: '${amount > 1000 && customer.vip}', variables: { amount: 900, customer: { vip: true } }, expected: false, usage: 'gateway condition' },
  { text: '${amount >= 500 and amount < 1000}', variables: { amount: 500 }, expected: true, usage: 'gateway condition' },
  { text: '${amount le 100 or priority gt 2}', variables: { amount: 150, priority: 3 }, expected: true, usage: 'gateway condition' },
  { text: "${invoice.category == 'Travel Expenses' || invoice.amount < 250}", variables: { invoice }, expected: true, usage: 'gateway condition' },
  { text: "${invoice.approver.department eq 'finance'}", variables: { invoice }, expected: true, usage: 'gateway condition' },
  { text: '${score >= "50"}', variables: { score: 75 }, expected: true, usage: 'form value typed as text' },
  { text: "${age > '17'}", variables: { age: 18 }, expected: true, usage: 'number compared with numeric text' },
  { text: '${not empty list}', variables: { list: ['a'] }, expected: true, usage: 'gateway condition' },
  { text: '${empty comment}', variables: { comment: '' }, expected: true, usage: 'gateway condition' },
  { text: '${empty comment}', variables: { comment: null }, expected: true, usage: 'gateway condition' },
  { text: '${reviewer == null}', variables: { reviewer: null }, expected: true, usage: 'gateway condition' },
  { text: "${!(status == 'done')}", variables: { status: 'open' }, expected: true, usage: 'gateway condition' },
  { text: '${order.items[1].price > 100}', variables: { order }, expected: true, usage: 'gateway condition' },
  { text: "${order.customer.city == 'Berlin' && !order.customer.vip}", variables: { order }, expected: true, usage: 'gateway condition' },
  { text: "${decision.toLowerCase() == 'yes'}", variables: { decision: 'YES' }, expected: true, usage: 'gateway condition' },
  { text: "${email.endsWith('@example.com')}", variables: { email: 'ann@example.com' }, expected: true, usage: 'gateway condition' },
  { text: "${roles.contains('admin')}", variables: { roles: ['user', 'admin'] }, expected: true, usage: 'gateway condition' },
  { text: '${documents.size() > 2}', variables: { documents: ['a', 'b'] }, expected: false, usage: 'gateway condition' },
  { text: "${flags.containsKey('urgent')}", variables: { flags: { urgent: true } }, expected: true, usage: 'gateway condition' },
  // Calls on the execution
  { text: "${execution.getVariable('x')}", variables: { x: 42 }, expected: 42, usage: 'condition or mapping' },
  { text: "${execution.getVariable('missing') == null}", variables: {}, expected: true, usage: 'gateway condition' },
  { text: "${execution.getVariable('assignee') != null}", variables: { assignee: 'john' }, expected: true, usage: 'gateway condition' },
  { text: "${execution.hasVariable('approved') && approved}", variables: { approved: true }, expected: true, usage: 'gateway condition' },
  { text: '${execution.processBusinessKey}', variables: {}, expected: 'order-4711', usage: 'mapping' },
  { text: '${execution.getProcessBusinessKey()}', variables: {}, expected: 'order-4711', usage: 'mapping' },
  { text: '${execution.id}', variables: {}, expected: 'exec-1', usage: 'mapping' },
  // Choice, arithmetic and mappings
  { text: "${x eq 'a' ? 'yes' : 'no'}", variables: { x: 'a' }, expected: 'yes', usage: 'input mapping' },
  { text: "${priority > 50 ? 'high' : 'low'}", variables: { priority: 20 }, expected: 'low', usage: 'input mapping' },
  { text: '${counter + 1}', variables: { counter: 1 }, expected: 2, usage: 'output mapping' },
  { text: '${price * quantity}', variables: { price: 12.5, quantity: 3 }, expected: 37.5, usage: 'output mapping' },
  { text: '${total / 4}', variables: { total: 10 }, expected: 2.5, usage: 'output mapping' },
  { text: '${retries - 1}', variables: { retries: 3 }, expected: 2, usage: 'output mapping' },
  { text: '${loopCounter % 2 == 0}', variables: { loopCounter: 4 }, expected: true, usage: 'multi-instance body' },
  // Multi-instance completion conditions
  { text: '${nrOfCompletedInstances/nrOfInstances >= 0.6}', variables: { nrOfCompletedInstances: 3, nrOfInstances: 5 }, expected: true, usage: 'completion condition' },
  { text: '${nrOfCompletedInstances == nrOfInstances}', variables: { nrOfCompletedInstances: 2, nrOfInstances: 3 }, expected: false, usage: 'completion condition' },
  { text: '${nrOfActiveInstances == 0}', variables: { nrOfActiveInstances: 0 }, expected: true, usage: 'completion condition' },
  // Assignments and texts
  { text: '${initiator}', variables: { initiator: 'kermit' }, expected: 'kermit', usage: 'assignee' },
  { text: '${currentUser()}', variables: {}, expected: 'demo', usage: 'assignee / task query' },
  { text: '${candidateUsers}', variables: { candidateUsers: ['mary', 'john'] }, expected: ['mary', 'john'], usage: 'collection of multi-instance' },
  { text: 'management', variables: {}, expected: 'management', usage: 'candidate group (literal)' },
  { text: 'Review order ${order.id}', variables: { order }, expected: 'Review order o-1', usage: 'task name' },
  { text: 'Invoice of ${invoice.amount} EUR (${invoice.category})', variables: { invoice }, expected: 'Invoice of 1250.5 EUR (Travel Expenses)', usage: 'task name' },
  { text: 'alert-${level}', variables: { level: 3 }, expected: 'alert-3', usage: 'signal name' },
  { text: '${dueDate}', variables: { dueDate: '2026-03-01T12:00:00' }, expected: '2026-03-01T12:00:00', usage: 'due date' },
  { text: 'P${days}D', variables: { days: 5 }, expected: 'P5D', usage: 'timer duration' },
  { text: "${remind ? 'PT1H' : 'P1D'}", variables: { remind: true }, expected: 'PT1H', usage: 'timer duration' },
];
