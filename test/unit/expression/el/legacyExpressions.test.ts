import { describe, expect, it } from 'vitest';
import { evaluate } from './elTestContext.js';
import { legacyExpressions } from './legacyExpressions.js';

const functions = { currentUser: () => 'demo' };

describe('expressions Camunda 7 users write', () => {
  it.each(legacyExpressions.map((c) => [c.text, c.usage, c]))('evaluates %s (%s) as Camunda does', (_text, _usage, c) => {
    expect(evaluate(c.text, c.variables, { functions })).toEqual(c.expected);
  });
});
