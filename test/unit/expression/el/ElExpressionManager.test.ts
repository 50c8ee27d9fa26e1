import { describe, expect, it } from 'vitest';
import { ElExpressionManager, parseElExpression } from '../../../../src/expression/el/ElExpressionManager.js';
import { contextOf, engineErrorOf } from './elTestContext.js';

describe('ElExpressionManager', () => {
  it('parses a text once and returns the cached expression afterwards', () => {
    const manager = new ElExpressionManager();
    expect(manager.parse('${a}')).toBe(manager.parse('${a}'));
  });

  it('keeps the original text on the expression', () => {
    expect(new ElExpressionManager().parse('Hi ${name}').text).toBe('Hi ${name}');
  });

  it('evaluates one parsed expression against many contexts', () => {
    const expression = new ElExpressionManager().parse('${n * 2}');
    expect(expression.evaluate(contextOf({ n: 1 }))).toBe(2);
    expect(expression.evaluate(contextOf({ n: 5 }))).toBe(10);
  });

  it('drops the least recently used text when the cache is full', () => {
    const manager = new ElExpressionManager({ cacheSize: 2 });
    const a = manager.parse('${a}');
    const b = manager.parse('${b}');
    expect(manager.parse('${a}')).toBe(a);
    manager.parse('${c}');
    expect(manager.parse('${a}')).toBe(a);
    expect(manager.parse('${b}')).not.toBe(b);
  });

  it('does not cache when the cache size is 0', () => {
    const manager = new ElExpressionManager({ cacheSize: 0 });
    expect(manager.parse('${a}')).not.toBe(manager.parse('${a}'));
  });

  it('throws on every parse of an invalid text rather than caching the failure', () => {
    const manager = new ElExpressionManager();
    expect(engineErrorOf(() => manager.parse('${')).message).toMatch(/^Error parsing/);
    expect(engineErrorOf(() => manager.parse('${')).message).toMatch(/^Error parsing/);
  });

  it('parses without caching through parseElExpression', () => {
    expect(parseElExpression('${1 + 1}').evaluate(contextOf())).toBe(2);
    expect(parseElExpression('plain').isLiteral).toBe(true);
  });

  it('caches texts that differ only in whitespace separately', () => {
    const manager = new ElExpressionManager();
    expect(manager.parse('${a}')).not.toBe(manager.parse('${ a }'));
  });
});
