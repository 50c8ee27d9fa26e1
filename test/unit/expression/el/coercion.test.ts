import { describe, expect, it } from 'vitest';
import { errorMessage, evaluate } from './elTestContext.js';

describe('numeric coercion of + - * (never string concatenation)', () => {
  it('coerces a numeric string to a number instead of concatenating', () => {
    expect(evaluate("${'1' + 1}")).toBe(2);
    expect(evaluate("${n + '2'}", { n: 40 })).toBe(42);
  });

  it('coerces a string with a dot or exponent to a double', () => {
    expect(evaluate("${'1.5' + 1}")).toBe(2.5);
    expect(evaluate("${'1e2' * 2}")).toBe(200);
  });

  it('fails on a non-numeric string, naming the Long target', () => {
    expect(errorMessage("${'a' + 1}")).toBe(
      "Error while evaluating expression: ${'a' + 1}. Cause: Cannot coerce 'a' to class java.lang.Long",
    );
  });

  it('fails on a non-numeric string with an e as a Double (JUEL looks for . e E)', () => {
    expect(errorMessage("${'hello' + 1}")).toBe(
      "Error while evaluating expression: ${'hello' + 1}. Cause: Cannot coerce 'hello' to class java.lang.Double",
    );
  });

  it('treats null as 0, and null op null as 0', () => {
    expect(evaluate('${nothing + 1}', { nothing: null })).toBe(1);
    expect(evaluate('${null + null}')).toBe(0);
    expect(evaluate('${null / null}')).toBe(0);
    expect(evaluate('${null % null}')).toBe(0);
    expect(evaluate('${5 - nothing}', { nothing: null })).toBe(5);
  });

  it('treats the empty string as 0', () => {
    expect(evaluate("${'' + 3}")).toBe(3);
  });

  it('refuses booleans and objects in arithmetic', () => {
    expect(errorMessage('${true + 1}')).toBe(
      'Error while evaluating expression: ${true + 1}. Cause: Cannot coerce from class java.lang.Boolean to class java.lang.Long',
    );
    expect(errorMessage('${list * 2}', { list: [1] })).toBe(
      'Error while evaluating expression: ${list * 2}. Cause: Cannot coerce from class java.util.ArrayList to class java.lang.Long',
    );
  });

  it('parses doubles as Double.valueOf does, with surrounding blanks and a type suffix', () => {
    expect(evaluate("${' 2.5 ' * 2}")).toBe(5);
    expect(evaluate("${'1.5d' + 0.5}")).toBe(2);
  });

  it('negates numeric strings and null', () => {
    expect(evaluate("${-'5'}")).toBe(-5);
    expect(evaluate("${-'2.5'}")).toBe(-2.5);
    expect(evaluate('${-nothing}', { nothing: null })).toBe(0);
  });

  it('refuses to negate a boolean', () => {
    expect(errorMessage('${-true}')).toBe(
      "Error while evaluating expression: ${-true}. Cause: Cannot negate 'class java.lang.Boolean'",
    );
  });
});

describe('coercion in comparisons', () => {
  it('coerces the string side to Long when the other side is an integer', () => {
    expect(evaluate("${5 == '5'}")).toBe(true);
    expect(evaluate("${5 < '10'}")).toBe(true);
  });

  it('fails when the string cannot be a Long, even if it is a decimal', () => {
    expect(errorMessage("${5 == '5.0'}")).toBe(
      "Error while evaluating expression: ${5 == '5.0'}. Cause: Cannot coerce '5.0' to class java.lang.Long",
    );
  });

  it('coerces to Double when either side is a decimal', () => {
    expect(evaluate("${5.0 == '5'}")).toBe(true);
    expect(evaluate("${0.5 < '1'}")).toBe(true);
  });

  it('fails to compare a number with a word', () => {
    expect(errorMessage("${n == 'abc'}", { n: 1 })).toBe(
      "Error while evaluating expression: ${n == 'abc'}. Cause: Cannot coerce 'abc' to class java.lang.Long",
    );
  });

  it('compares a boolean with a number by failing, as JUEL coerces to Long first', () => {
    expect(errorMessage('${1 == true}')).toBe(
      'Error while evaluating expression: ${1 == true}. Cause: Cannot coerce from class java.lang.Boolean to class java.lang.Long',
    );
  });

  it('compares a date with a string by the date text', () => {
    expect(evaluate("${d == 'Thu Jan 01 00:00:00 UTC 1970'}", { d: new Date(0) })).toBe(true);
  });
});

describe('coercion to boolean', () => {
  it('reads strings case-insensitively as true, anything else as false', () => {
    expect(evaluate("${'True' ? 1 : 2}")).toBe(1);
    expect(evaluate("${'yes' ? 1 : 2}")).toBe(2);
  });

  it('fails for numbers and objects', () => {
    expect(errorMessage('${1 && true}')).toBe(
      'Error while evaluating expression: ${1 && true}. Cause: Cannot coerce from class java.lang.Long to class java.lang.Boolean',
    );
    expect(errorMessage('${!m}', { m: {} })).toBe(
      'Error while evaluating expression: ${!m}. Cause: Cannot coerce from class java.util.HashMap to class java.lang.Boolean',
    );
    expect(errorMessage('${d ? 1 : 2}', { d: 1.5 })).toBe(
      'Error while evaluating expression: ${d ? 1 : 2}. Cause: Cannot coerce from class java.lang.Double to class java.lang.Boolean',
    );
  });
});
