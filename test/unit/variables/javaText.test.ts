import { describe, expect, it } from 'vitest';
import { javaDoubleText, javaText, readAsJsonStringLiteral } from '../../../src/execution/variables/javaText.js';

describe('Java text of request values', () => {
  it.each<[number, string]>([
    [1.5, '1.5'], [0.001, '0.001'], [1234567.5, '1234567.5'], [1e7, '1.0E7'], [12345678.9, '1.23456789E7'],
    [1.5e-7, '1.5E-7'], [1e21, '1.0E21'], [-2.5e-4, '-2.5E-4'], [0, '0.0'], [-0, '-0.0'],
    [Number.NaN, 'NaN'], [Infinity, 'Infinity'],
  ])('Double.toString(%d) is %s', (n, text) => {
    expect(javaDoubleText(n)).toBe(text);
  });

  it.each<[unknown, string]>([
    [null, 'null'], ['s', 's'], [true, 'true'], [42, '42'], [1e21, '1000000000000000000000'], [2.5, '2.5'],
    [{ a: 1, b: { c: null } }, '{a=1, b={c=null}}'], [[1, 'x', [true]], '[1, x, [true]]'],
  ])('String.valueOf(%j) is %s', (value, text) => {
    expect(javaText(value)).toBe(text);
  });

  it.each<[string, string | null]>([
    ['abc', 'abc'], ['a\\nb', 'a\nb'], ['a"b', 'a'], ['a\\x', null], ['tab\there', null],
  ])('reads %j as the JSON string literal %j', (text, expected) => {
    expect(readAsJsonStringLiteral(text)).toBe(expected);
  });
});
