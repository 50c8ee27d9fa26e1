import { describe, expect, it } from 'vitest';
import { beanOf, engineErrorOf, errorMessage, evaluate } from './elTestContext.js';

describe('bean methods', () => {
  it('calls methods a bean lists in elMethods, with evaluated arguments', () => {
    const calc = beanOf({ add: (a, b) => Number(a) + Number(b) });
    expect(evaluate('${calc.add(x, 2)}', { x: 40 }, { beans: { calc } })).toBe(42);
  });

  it("calls execution.getVariable('x') on the execution bean", () => {
    expect(evaluate("${execution.getVariable('x')}", { x: 'value' })).toBe('value');
  });

  it('calls methods through a bracket name as well', () => {
    const bean = beanOf({ hello: () => 'hi' });
    expect(evaluate("${bean['hello']()}", {}, { beans: { bean } })).toBe('hi');
  });

  it('chains calls and property reads on results', () => {
    const repo = beanOf({ find: (id) => ({ id, owner: { name: 'mary' } }) });
    expect(evaluate("${repo.find('o-1').owner.name}", {}, { beans: { repo } })).toBe('mary');
  });

  it('reads an undefined result as null', () => {
    const bean = beanOf({ nothing: () => undefined });
    expect(evaluate('${bean.nothing()}', {}, { beans: { bean } })).toBeNull();
  });

  it('fails on a method the bean does not list, with the parameter count', () => {
    expect(errorMessage('${execution.deleteEverything(1, 2)}')).toBe(
      'Unknown method used in expression: ${execution.deleteEverything(1, 2)}. Cause: Cannot find method deleteEverything with 2 parameters in class Object',
    );
  });

  it('fails on a call whose target is null', () => {
    expect(errorMessage('${nothing.trim()}', { nothing: null })).toBe(
      "Unknown property used in expression: ${nothing.trim()}. Cause: Target unreachable, base expression 'nothing' resolved to null",
    );
    expect(errorMessage('${a.b.trim()}', { a: { b: null } })).toBe(
      "Unknown property used in expression: ${a.b.trim()}. Cause: Target unreachable, base expression '. b' resolved to null",
    );
  });
});

describe('functions', () => {
  it('calls a function the context resolves, such as currentUser()', () => {
    expect(evaluate('${currentUser()}', {}, { functions: { currentUser: () => 'demo' } })).toBe('demo');
  });

  it('passes evaluated arguments and resolves prefixed names', () => {
    const functions = { 'fn:concat': (a: unknown, b: unknown) => `${String(a)}${String(b)}` };
    expect(evaluate("${fn:concat(a, '!')}", { a: 'hi' }, { functions })).toBe('hi!');
  });

  it('fails on a function the context does not know', () => {
    expect(errorMessage('${deleteAll()}')).toBe(
      "Error while evaluating expression: ${deleteAll()}. Cause: Could not resolve function 'deleteAll'",
    );
  });
});

describe('allow-listed string methods', () => {
  const s = { s: '  Hello World  ', t: 'Hello' };

  it.each([
    ['${t.length()}', 5],
    ['${t.toUpperCase()}', 'HELLO'],
    ['${t.toLowerCase()}', 'hello'],
    ["${t.contains('ell')}", true],
    ["${t.startsWith('He')}", true],
    ["${t.endsWith('lo')}", true],
    ["${t.equals('Hello')}", true],
    ['${t.equals(5)}', false],
    ["${t.equalsIgnoreCase('hELLO')}", true],
    ['${t.equalsIgnoreCase(nothing)}', false],
    ['${t.isEmpty()}', false],
    ['${s.trim()}', 'Hello World'],
    ['${t.substring(1)}', 'ello'],
    ['${t.substring(1, 3)}', 'el'],
    ["${t.indexOf('l')}", 2],
    ["${t.indexOf('l', 3)}", 3],
    ["${t.replace('l', 'L')}", 'HeLLo'],
    ["${t.replace('l', '$&')}", 'He$&$&o'],
    ["${t.matches('H.*o')}", true],
    ["${t.matches('ell')}", false],
    ["${'literal'.length()}", 7],
  ])('evaluates %s', (text, expected) => {
    expect(evaluate(text, { ...s, nothing: null })).toBe(expected);
  });

  it('fails like Java on a substring out of range', () => {
    const error = engineErrorOf(() => evaluate('${t.substring(2, 9)}', s));
    expect(error.message).toBe('java.lang.StringIndexOutOfBoundsException: begin 2, end 9, length 5');
    expect(error.type).toBe('ProcessEngineException');
  });

  it('fails on a method outside the list', () => {
    expect(errorMessage("${t.codePointAt(0)}", s)).toBe(
      'Unknown method used in expression: ${t.codePointAt(0)}. Cause: Cannot find method codePointAt with 1 parameters in class java.lang.String',
    );
  });

  it('fails on a listed method called with the wrong number of arguments', () => {
    expect(errorMessage('${t.length(1)}', s)).toBe(
      'Unknown method used in expression: ${t.length(1)}. Cause: Cannot find method length with 1 parameters in class java.lang.String',
    );
  });
});

describe('allow-listed list and map methods', () => {
  const v = { list: ['a', 'b', 1], map: { k: 'v' }, jsMap: new Map([['k', 'v']]), none: [] };

  it.each([
    ['${list.size()}', 3],
    ['${none.isEmpty()}', true],
    ["${list.contains('b')}", true],
    ['${list.contains(1)}', true],
    ["${list.contains('1')}", false],
    ['${list.get(0)}', 'a'],
    ["${list.get('1')}", 'b'],
    ['${map.size()}', 1],
    ['${map.isEmpty()}', false],
    ["${map.containsKey('k')}", true],
    ["${map.containsKey('x')}", false],
    ["${map.get('k')}", 'v'],
    ["${map.get('x')}", null],
    ['${jsMap.size()}', 1],
    ["${jsMap.get('k')}", 'v'],
    ["${jsMap.containsKey('k')}", true],
  ])('evaluates %s', (text, expected) => {
    expect(evaluate(text, v)).toEqual(expected);
  });

  it('fails like Java on a list index out of bounds', () => {
    expect(engineErrorOf(() => evaluate('${list.get(3)}', v)).message).toBe(
      'java.lang.IndexOutOfBoundsException: Index 3 out of bounds for length 3',
    );
  });

  it('fails on list and map methods outside the list', () => {
    expect(errorMessage("${list.add('x')}", v)).toBe(
      "Unknown method used in expression: ${list.add('x')}. Cause: Cannot find method add with 1 parameters in class java.util.ArrayList",
    );
    expect(errorMessage("${map.put('k', 1)}", v)).toBe(
      "Unknown method used in expression: ${map.put('k', 1)}. Cause: Cannot find method put with 2 parameters in class java.util.HashMap",
    );
  });

  it('fails on any method of numbers, booleans and dates', () => {
    expect(errorMessage('${n.toFixed(2)}', { n: 1.5 })).toBe(
      'Unknown method used in expression: ${n.toFixed(2)}. Cause: Cannot find method toFixed with 1 parameters in class java.lang.Double',
    );
    expect(errorMessage('${d.getTime()}', { d: new Date(0) })).toBe(
      'Unknown method used in expression: ${d.getTime()}. Cause: Cannot find method getTime with 0 parameters in class java.util.Date',
    );
  });
});
