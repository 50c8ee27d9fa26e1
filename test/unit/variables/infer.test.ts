import { describe, expect, it } from 'vitest';
import { inferTypedValue, jacksonCanonicalTypeName } from '../../../src/execution/variables/infer.js';
import { errorOf } from './errorOf.js';

describe('values set by scripts, expressions and external code are typed as Camunda types them', () => {
  it.each<[string, unknown, string, unknown]>([
    ['null', null, 'Null', null],
    ['undefined', undefined, 'Null', null],
    ['a string', 'x', 'String', 'x'],
    ['a boolean', true, 'Boolean', true],
    ['zero', 0, 'Integer', 0],
    ['the largest int', 2147483647, 'Integer', 2147483647],
    ['the smallest int', -2147483648, 'Integer', -2147483648],
    ['one past the largest int', 2147483648, 'Long', 2147483648],
    ['one below the smallest int', -2147483649, 'Long', -2147483649],
    ['an integer beyond 64 bits', 2 ** 64, 'Double', 2 ** 64],
    ['a fraction', 1.5, 'Double', 1.5],
    ['NaN', Number.NaN, 'Double', Number.NaN],
    ['a small bigint', 10n, 'Long', 10],
    ['the largest long as bigint', 2n ** 63n - 1n, 'Long', 2 ** 63],
    ['a bigint beyond 64 bits', 2n ** 64n, 'Double', 2 ** 64],
  ])('%s', (_name, value, type, expected) => {
    expect(inferTypedValue(value)).toEqual({ type, value: expected, valueInfo: {}, transient: false });
  });

  it('copies Dates and binary data', () => {
    const date = new Date(0);
    const typed = inferTypedValue(date);
    expect(typed.type).toBe('Date');
    expect(typed.value).toEqual(date);
    expect(typed.value).not.toBe(date);
    expect(inferTypedValue(Buffer.from([1]))).toEqual({ type: 'Bytes', value: Buffer.from([1]), valueInfo: {}, transient: false });
    expect(inferTypedValue(new Uint8Array([2])).value).toEqual(Buffer.from([2]));
  });

  it('stores plain objects and arrays as JSON Objects', () => {
    expect(inferTypedValue({ a: [1, 'x'] }, true)).toEqual({
      type: 'Object', value: '{"a":[1,"x"]}', transient: true,
      valueInfo: { objectTypeName: 'java.util.LinkedHashMap<java.lang.Object,java.lang.Object>', serializationDataFormat: 'application/json' },
    });
    expect(inferTypedValue(Object.create(null) as object).value).toBe('{}');
    expect(inferTypedValue([]).valueInfo['objectTypeName']).toBe('java.util.ArrayList<java.lang.Object>');
  });

  it.each<[string, unknown, string]>([
    ['a Map', new Map([['a', 1]]), "Cannot find serializer for value 'Untyped value '{}', isTransient = false'."],
    ['a class instance', new (class Thing { x = 1; })(), "Cannot find serializer for value 'Untyped value '{x=1}', isTransient = false'."],
    ['a function', () => 1, "Cannot find serializer for value 'Untyped value '() => 1', isTransient = false'."],
  ])('rejects %s: no serializer', (_name, value, message) => {
    const error = errorOf(() => inferTypedValue(value));
    expect(error.type).toBe('ProcessEngineException');
    expect(error.message).toBe(message);
  });
});

describe('Spin-style type names of JSON values', () => {
  it.each<[unknown, string]>([
    [{}, 'java.util.LinkedHashMap<java.lang.Object,java.lang.Object>'],
    [[], 'java.util.ArrayList<java.lang.Object>'],
    [[1], 'java.util.ArrayList<java.lang.Integer>'],
    [[5e9], 'java.util.ArrayList<java.lang.Long>'],
    [[1.5], 'java.util.ArrayList<java.lang.Double>'],
    [['a', 1], 'java.util.ArrayList<java.lang.String>'],
    [[true], 'java.util.ArrayList<java.lang.Boolean>'],
    [[null], 'java.util.ArrayList<java.lang.Object>'],
    [[{ a: 1 }], 'java.util.ArrayList<java.util.LinkedHashMap<java.lang.Object,java.lang.Object>>'],
    [[[1]], 'java.util.ArrayList<java.util.ArrayList<java.lang.Integer>>'],
  ])('%j is %s', (value, name) => {
    expect(jacksonCanonicalTypeName(value)).toBe(name);
  });
});
