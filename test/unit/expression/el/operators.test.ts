import { describe, expect, it } from 'vitest';
import { errorMessage, evaluate } from './elTestContext.js';

describe('equality operators', () => {
  it('compares with == and eq', () => {
    expect(evaluate('${a == 1}', { a: 1 })).toBe(true);
    expect(evaluate("${a eq 'x'}", { a: 'x' })).toBe(true);
    expect(evaluate('${a == 2}', { a: 1 })).toBe(false);
  });

  it('compares with != and ne', () => {
    expect(evaluate('${a != 1}', { a: 2 })).toBe(true);
    expect(evaluate("${a ne 'x'}", { a: 'x' })).toBe(false);
  });

  it('treats null as equal only to null', () => {
    expect(evaluate('${null == null}')).toBe(true);
    expect(evaluate('${a == null}', { a: 0 })).toBe(false);
    expect(evaluate("${'' == null}")).toBe(false);
    expect(evaluate('${a != null}', { a: 'x' })).toBe(true);
  });

  it('compares a number with a numeric string after coercion', () => {
    expect(evaluate("${5 == '5'}")).toBe(true);
    expect(evaluate("${'1.5' == 1.5}")).toBe(true);
  });

  it('compares an integer with a decimal numerically', () => {
    expect(evaluate('${2 == 2.0}')).toBe(true);
    expect(evaluate('${a == 0.5}', { a: 0.5 })).toBe(true);
  });

  it('compares a boolean with a string by Boolean.valueOf', () => {
    expect(evaluate("${true == 'TRUE'}")).toBe(true);
    expect(evaluate("${false == 'yes'}")).toBe(true);
  });

  it('compares strings by content', () => {
    expect(evaluate('${a == b}', { a: 'same', b: 'same' })).toBe(true);
  });

  it('compares lists and maps by content, dates by time', () => {
    expect(evaluate('${a == b}', { a: [1, { k: 'v' }], b: [1, { k: 'v' }] })).toBe(true);
    expect(evaluate('${a == b}', { a: new Date(5), b: new Date(5) })).toBe(true);
    expect(evaluate('${a == b}', { a: { k: 1 }, b: { k: 2 } })).toBe(false);
  });
});

describe('relational operators', () => {
  it('orders numbers with < lt > gt <= le >= ge', () => {
    const v = { a: 1, b: 2 };
    expect([evaluate('${a < b}', v), evaluate('${a lt b}', v)]).toEqual([true, true]);
    expect([evaluate('${a > b}', v), evaluate('${a gt b}', v)]).toEqual([false, false]);
    expect([evaluate('${a <= 1}', v), evaluate('${a le 0}', v)]).toEqual([true, false]);
    expect([evaluate('${b >= 2}', v), evaluate('${b ge 3}', v)]).toEqual([true, false]);
  });

  it('orders a number against a numeric string numerically', () => {
    expect(evaluate("${10 > '9'}")).toBe(true);
  });

  it('orders two strings lexicographically', () => {
    expect(evaluate("${'10' > '9'}")).toBe(false);
    expect(evaluate("${'b' gt 'a'}")).toBe(true);
  });

  it('orders booleans and dates', () => {
    expect(evaluate('${false < true}')).toBe(true);
    expect(evaluate('${a < b}', { a: new Date(1), b: new Date(2) })).toBe(true);
  });

  it('yields false for < and > with a null operand, and true for <= and >= of null with null', () => {
    expect(evaluate('${null < 1}')).toBe(false);
    expect(evaluate('${a > null}', { a: 1 })).toBe(false);
    expect(evaluate('${a >= null}', { a: 1 })).toBe(false);
    expect(evaluate('${null <= null}')).toBe(true);
  });

  it('fails to order values that are not comparable', () => {
    expect(errorMessage('${a < b}', { a: [1], b: [2] })).toBe(
      "Error while evaluating expression: ${a < b}. Cause: Cannot compare 'class java.util.ArrayList' and 'class java.util.ArrayList'",
    );
  });
});

describe('logical operators', () => {
  it('combines with && and and', () => {
    expect(evaluate('${true && true}')).toBe(true);
    expect(evaluate('${true and false}')).toBe(false);
  });

  it('combines with || and or', () => {
    expect(evaluate('${false || true}')).toBe(true);
    expect(evaluate('${false or false}')).toBe(false);
  });

  it('negates with ! and not', () => {
    expect(evaluate('${!false}')).toBe(true);
    expect(evaluate('${not true}')).toBe(false);
    expect(evaluate('${!!true}')).toBe(true);
  });

  it('short-circuits && and || without evaluating the right side', () => {
    expect(evaluate('${false && missing}')).toBe(false);
    expect(evaluate('${true || missing}')).toBe(true);
  });

  it('coerces strings and null to booleans', () => {
    expect(evaluate("${'true' && 'TRUE'}")).toBe(true);
    expect(evaluate('${nothing || false}', { nothing: null })).toBe(false);
    expect(evaluate("${!''}")).toBe(true);
  });

  it('binds && tighter than || and ! tighter than ==', () => {
    expect(evaluate('${true || false && false}')).toBe(true);
    expect(evaluate('${!a == false}', { a: true })).toBe(true);
  });
});

describe('empty operator', () => {
  it('is true for null, the empty string, an empty list and an empty map', () => {
    expect(evaluate('${empty a}', { a: null })).toBe(true);
    expect(evaluate("${empty ''}")).toBe(true);
    expect(evaluate('${empty a}', { a: [] })).toBe(true);
    expect(evaluate('${empty a}', { a: {} })).toBe(true);
    expect(evaluate('${empty a}', { a: new Map() })).toBe(true);
    expect(evaluate('${empty a}', { a: new Set() })).toBe(true);
  });

  it('is false for anything else, including zero, false and a blank string', () => {
    expect(evaluate('${empty a}', { a: 0 })).toBe(false);
    expect(evaluate('${empty a}', { a: false })).toBe(false);
    expect(evaluate("${empty ' '}")).toBe(false);
    expect(evaluate('${empty a}', { a: ['x'] })).toBe(false);
    expect(evaluate('${empty a}', { a: { k: null } })).toBe(false);
  });

  it('combines with not', () => {
    expect(evaluate('${not empty a}', { a: 'x' })).toBe(true);
  });
});

describe('arithmetic operators', () => {
  it('adds, subtracts and multiplies', () => {
    expect(evaluate('${2 + 3}')).toBe(5);
    expect(evaluate('${2 - 3}')).toBe(-1);
    expect(evaluate('${2 * 3}')).toBe(6);
    expect(evaluate('${1.5 * 2}')).toBe(3);
  });

  it('divides with / and div, always as a double', () => {
    expect(evaluate('${7 / 2}')).toBe(3.5);
    expect(evaluate('${7 div 2}')).toBe(3.5);
    expect(evaluate('${1 / 0}')).toBe(Infinity);
    expect(evaluate('${0 / 0}')).toBeNaN();
  });

  it('takes the remainder with % and mod, keeping the sign of the dividend', () => {
    expect(evaluate('${7 % 3}')).toBe(1);
    expect(evaluate('${7 mod 3}')).toBe(1);
    expect(evaluate('${-7 % 3}')).toBe(-1);
    expect(evaluate('${7.5 % 2}')).toBe(1.5);
  });

  it('fails on an integer remainder by zero, but gives NaN for a double one', () => {
    expect(errorMessage('${7 % 0}')).toBe('Error while evaluating expression: ${7 % 0}. Cause: / by zero');
    expect(evaluate('${7.5 % 0}')).toBeNaN();
  });

  it('negates with unary minus', () => {
    expect(evaluate('${-a}', { a: 4 })).toBe(-4);
    expect(evaluate('${-(-2.5)}')).toBe(2.5);
    expect(evaluate('${- -1}')).toBe(1);
  });

  it('binds * / % tighter than + - and evaluates left to right', () => {
    expect(evaluate('${2 + 3 * 4}')).toBe(14);
    expect(evaluate('${10 - 4 - 3}')).toBe(3);
    expect(evaluate('${(2 + 3) * 4}')).toBe(20);
    expect(evaluate('${-2 * 3 + 10 % 4}')).toBe(-4);
  });

  it('wraps integer arithmetic at 64 bits like Java long', () => {
    expect(evaluate('${4611686018427387904 * 2}')).toBe(-(2 ** 63));
  });
});

describe('conditional operator', () => {
  it('chooses by the coerced condition', () => {
    expect(evaluate("${a ? 'yes' : 'no'}", { a: true })).toBe('yes');
    expect(evaluate("${a ? 'yes' : 'no'}", { a: 'false' })).toBe('no');
    expect(evaluate("${a ? 'yes' : 'no'}", { a: null })).toBe('no');
  });

  it('evaluates only the chosen branch', () => {
    expect(evaluate('${true ? 1 : missing}')).toBe(1);
  });

  it('nests to the right', () => {
    expect(evaluate("${n > 10 ? 'big' : n > 5 ? 'medium' : 'small'}", { n: 7 })).toBe('medium');
    expect(evaluate("${a ? b ? 'ab' : 'a' : 'none'}", { a: true, b: false })).toBe('a');
  });

  it('has the lowest precedence', () => {
    expect(evaluate('${1 + 1 == 2 ? 10 : 20}')).toBe(10);
  });
});
