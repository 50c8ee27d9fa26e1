import { describe, expect, it, vi } from 'vitest';
import { beanOf, errorMessage, evaluate } from './elTestContext.js';

describe('no way out to arbitrary JavaScript', () => {
  it('reads constructor, __proto__ and prototype of a map as absent keys', () => {
    const v = { obj: { a: 1 } };
    expect(evaluate('${obj.constructor}', v)).toBeNull();
    expect(evaluate("${obj['__proto__']}", v)).toBeNull();
    expect(evaluate('${obj.__proto__.polluted}', v)).toBeNull();
    expect(evaluate('${obj.prototype}', v)).toBeNull();
    expect(evaluate('${obj.toString}', v)).toBeNull();
  });

  it('cannot reach the Function constructor through property chains', () => {
    expect(errorMessage("${obj.constructor.constructor('return process')}", { obj: {} })).toBe(
      "Unknown property used in expression: ${obj.constructor.constructor('return process')}. "
        + "Cause: Target unreachable, base expression '. constructor' resolved to null",
    );
    expect(errorMessage("${f()()}", {})).toMatch(/^Error parsing/);
    expect(errorMessage("${s.constructor}", { s: 'x' })).toBe(
      'Unknown property used in expression: ${s.constructor}. Cause: Could not find property constructor in class java.lang.String',
    );
  });

  it('refuses inherited Object methods on maps, lists, strings and beans', () => {
    expect(errorMessage("${obj.hasOwnProperty('a')}", { obj: { a: 1 } })).toMatch(/^Unknown method used in expression/);
    expect(errorMessage('${obj.valueOf()}', { obj: {} })).toMatch(/^Unknown method used in expression/);
    expect(errorMessage("${list.join('-')}", { list: [] })).toMatch(/^Unknown method used in expression/);
    expect(errorMessage('${s.constructor()}', { s: '' })).toMatch(/^Unknown method used in expression/);
    expect(errorMessage('${execution.toString()}')).toMatch(/^Unknown method used in expression/);
    expect(errorMessage('${execution.constructor()}')).toMatch(/^Unknown method used in expression/);
  });

  it('never calls a function stored in a variable', () => {
    const fn = vi.fn(() => 'called');
    expect(errorMessage('${fn()}', { fn })).toMatch(/Could not resolve function 'fn'/);
    expect(errorMessage('${fn.call()}', { fn })).toMatch(/^Unknown method used in expression/);
    expect(errorMessage('${holder.fn()}', { holder: { fn } })).toMatch(/^Unknown method used in expression/);
    expect(fn).not.toHaveBeenCalled();
  });

  it('only calls own elMethods entries of a bean, not inherited ones', () => {
    const methods = Object.create({ inherited: () => 'leak' }) as Record<string, (...args: unknown[]) => unknown>;
    const bean = beanOf(methods);
    expect(errorMessage('${bean.inherited()}', {}, { beans: { bean } })).toMatch(/^Unknown method used in expression/);
  });

  it('does not run getters of plain objects', () => {
    const getter = vi.fn(() => 'secret');
    const obj = {};
    Object.defineProperty(obj, 'value', { get: getter, enumerable: true });
    expect(evaluate('${obj.value}', { obj })).toBeNull();
    expect(getter).not.toHaveBeenCalled();
  });

  it('reads a JSON key named __proto__ as plain data', () => {
    const obj = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    expect(evaluate('${obj.__proto__.x}', { obj })).toBe(1);
  });

  it('treats JSON data with an elMethods key as a map, not as a bean', () => {
    const data = JSON.parse('{"elMethods": {"run": "not a function"}}') as unknown;
    expect(evaluate('${data.elMethods.run}', { data })).toBe('not a function');
    expect(errorMessage('${data.run()}', { data })).toMatch(/^Unknown method used in expression/);
  });

  it('does not pollute Object.prototype', () => {
    evaluate("${obj['__proto__']}", { obj: {} });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
