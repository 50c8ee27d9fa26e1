import { describe, expect, it } from 'vitest';
import { beanOf, errorMessage, evaluate } from './elTestContext.js';

const customer = { name: 'Ann', address: { city: 'Berlin', zip: null }, tags: ['vip', 'new'] };

describe('identifiers', () => {
  it('resolves a variable through the context', () => {
    expect(evaluate('${customer}', { customer })).toBe(customer);
  });

  it('fails on an unknown identifier with Camunda\'s message', () => {
    expect(errorMessage('${x}')).toBe("Unknown property used in expression: ${x}. Cause: Cannot resolve identifier 'x'");
  });

  it('reports the whole text, surrounding literal text included', () => {
    expect(errorMessage('alert-${var}')).toBe(
      "Unknown property used in expression: alert-${var}. Cause: Cannot resolve identifier 'var'",
    );
  });

  it('resolves a variable holding null as null, not as unknown', () => {
    expect(evaluate('${x}', { x: null })).toBeNull();
  });
});

describe('property paths on maps', () => {
  it('follows a.b.c on plain objects', () => {
    expect(evaluate('${customer.address.city}', { customer })).toBe('Berlin');
  });

  it("reads a['b'] and a[\"b\"] like a.b", () => {
    expect(evaluate("${customer['name']}", { customer })).toBe('Ann');
    expect(evaluate('${customer["address"]["city"]}', { customer })).toBe('Berlin');
  });

  it('computes the key of a bracket from an expression', () => {
    expect(evaluate('${customer[field]}', { customer, field: 'name' })).toBe('Ann');
  });

  it('reads a missing key as null, like a Java map', () => {
    expect(evaluate('${customer.phone}', { customer })).toBeNull();
  });

  it('is null-safe: a property of null is null, however deep', () => {
    expect(evaluate('${customer.address.zip.code}', { customer })).toBeNull();
    expect(evaluate('${customer.phone.number}', { customer })).toBeNull();
  });

  it('reads a null key as null', () => {
    expect(evaluate('${customer[nothing]}', { customer, nothing: null })).toBeNull();
  });

  it('reads entries of a Map instance by key', () => {
    expect(evaluate("${m['k']}", { m: new Map([['k', 'v']]) })).toBe('v');
    expect(evaluate('${m.size}', { m: new Map([['k', 'v']]) })).toBeNull();
  });

  it('reads numeric keys of a plain object by their text', () => {
    expect(evaluate('${m[1]}', { m: { 1: 'one' } })).toBe('one');
  });
});

describe('lists', () => {
  it('indexes arrays with brackets', () => {
    expect(evaluate('${customer.tags[1]}', { customer })).toBe('new');
  });

  it('coerces the index from a numeric string, a double or a boolean', () => {
    expect(evaluate("${list['1']}", { list: ['a', 'b'] })).toBe('b');
    expect(evaluate('${list[1.7]}', { list: ['a', 'b'] })).toBe('b');
    expect(evaluate('${list[true]}', { list: ['a', 'b'] })).toBe('b');
  });

  it('reads an index out of range as null', () => {
    expect(evaluate('${list[5]}', { list: ['a'] })).toBeNull();
    expect(evaluate('${list[-1]}', { list: ['a'] })).toBeNull();
  });

  it('fails on an index that is not a number', () => {
    expect(errorMessage('${list.first}', { list: ['a'] })).toBe(
      'Error while evaluating expression: ${list.first}. Cause: Cannot parse list index: first',
    );
  });

  it('walks into objects inside lists', () => {
    expect(evaluate('${orders[0].items[0].sku}', { orders: [{ items: [{ sku: 'A-1' }] }] })).toBe('A-1');
  });
});

describe('bean properties', () => {
  it('reads properties a bean exposes through elProperty', () => {
    expect(evaluate('${task.name}', {}, { beans: { task: beanOf({}, { name: 'Review' }) } })).toBe('Review');
    expect(evaluate('${execution.processInstanceId}')).toBe('pi-1');
  });

  it('fails on a property the bean does not expose', () => {
    expect(errorMessage('${task.secret}', {}, { beans: { task: beanOf({}, {}) } })).toBe(
      'Unknown property used in expression: ${task.secret}. Cause: Could not find property secret in class Object',
    );
  });

  it('prefers a variable over a bean of the same name, as Camunda resolves variables first', () => {
    expect(evaluate('${execution}', { execution: 'shadowed' })).toBe('shadowed');
  });
});

describe('properties of values that have none', () => {
  it('fails on a property of a string or a number', () => {
    expect(errorMessage('${s.size}', { s: 'abc' })).toBe(
      'Unknown property used in expression: ${s.size}. Cause: Could not find property size in class java.lang.String',
    );
    expect(errorMessage('${n.value}', { n: 3 })).toBe(
      'Unknown property used in expression: ${n.value}. Cause: Could not find property value in class java.lang.Long',
    );
  });

  it('reads the time of a date in milliseconds', () => {
    expect(evaluate('${d.time}', { d: new Date(1234) })).toBe(1234);
  });
});
