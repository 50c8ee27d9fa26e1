import { describe, expect, it } from 'vitest';
import { ElExpressionManager } from '../../../../src/expression/el/ElExpressionManager.js';
import { contextOf, evaluate } from './elTestContext.js';

const manager = new ElExpressionManager();

describe('literal text and embedded expressions', () => {
  it('treats text without ${ or #{ as a literal that evaluates to itself', () => {
    const expression = manager.parse('management');
    expect(expression.isLiteral).toBe(true);
    expect(expression.text).toBe('management');
    expect(expression.evaluate(contextOf())).toBe('management');
  });

  it('treats the empty text as the literal empty string', () => {
    const expression = manager.parse('');
    expect(expression.isLiteral).toBe(true);
    expect(expression.evaluate(contextOf())).toBe('');
  });

  it('keeps dollar signs and braces that do not open an expression', () => {
    expect(evaluate('costs $5 {net} #1')).toBe('costs $5 {net} #1');
  });

  it('returns the raw value of a lone ${…}, not its text', () => {
    expect(evaluate('${n}', { n: 5 })).toBe(5);
    expect(evaluate('${flag}', { flag: false })).toBe(false);
    expect(evaluate('${list}', { list: [1, 2] })).toEqual([1, 2]);
    expect(evaluate('${nothing}', { nothing: null })).toBeNull();
  });

  it('reads an undefined variable value as null', () => {
    expect(evaluate('${nothing}', { nothing: undefined })).toBeNull();
  });

  it('returns the raw value of a lone #{…} (deferred syntax) as well', () => {
    expect(evaluate('#{n + 1}', { n: 1 })).toBe(2);
  });

  it('marks any text with an expression as not literal', () => {
    expect(manager.parse('${x}').isLiteral).toBe(false);
    expect(manager.parse("${'constant'}").isLiteral).toBe(false);
    expect(manager.parse('a ${x} b').isLiteral).toBe(false);
  });

  it('concatenates text and expression values into a string', () => {
    expect(evaluate('Hello ${name}, you are ${age}!', { name: 'Ann', age: 30 })).toBe('Hello Ann, you are 30!');
  });

  it('renders a value surrounded by no text as a string when a second block follows', () => {
    expect(evaluate('${a}${b}', { a: 1, b: 2 })).toBe('12');
  });

  it('renders null as the empty string inside text', () => {
    expect(evaluate('[${nothing}]', { nothing: null })).toBe('[]');
  });

  it('renders booleans, fractions and tiny doubles as Java prints them', () => {
    expect(evaluate('${t}/${1.5}/${0.00001}', { t: true })).toBe('true/1.5/1.0E-5');
  });

  it('renders lists and maps in Java collection form inside text', () => {
    expect(evaluate('L=${list} M=${map}', { list: ['a', 1, null], map: { k: 'v', n: 2 } })).toBe('L=[a, 1, null] M={k=v, n=2}');
  });

  it('renders dates in Java Date.toString form (UTC) inside text', () => {
    expect(evaluate('due ${d}', { d: new Date('2026-03-01T08:05:09Z') })).toBe('due Sun Mar 01 08:05:09 UTC 2026');
  });

  it('concatenates several deferred blocks', () => {
    expect(evaluate('#{a}-#{b}', { a: 'x', b: 'y' })).toBe('x-y');
  });
});

describe('escaping as JUEL does', () => {
  it('turns \\${ into a literal ${ and keeps the text literal', () => {
    const expression = manager.parse('\\${x}');
    expect(expression.isLiteral).toBe(true);
    expect(expression.evaluate(contextOf())).toBe('${x}');
  });

  it('turns \\#{ into a literal #{', () => {
    expect(evaluate('a \\#{x} b')).toBe('a #{x} b');
  });

  it('keeps a backslash that escapes nothing', () => {
    expect(evaluate('C:\\temp\\file ${n}', { n: 1 })).toBe('C:\\temp\\file 1');
  });

  it('keeps a double backslash and still escapes the following ${ (JUEL quirk)', () => {
    expect(evaluate('\\\\${x}')).toBe('\\${x}');
  });

  it('keeps a trailing backslash', () => {
    expect(evaluate('end\\')).toBe('end\\');
  });

  it('mixes escaped and real expressions', () => {
    expect(evaluate('\\${literal} ${real}', { real: 1 })).toBe('${literal} 1');
  });
});

describe('literals inside expressions', () => {
  it('reads single- and double-quoted strings', () => {
    expect(evaluate("${'single'}")).toBe('single');
    expect(evaluate('${"double"}')).toBe('double');
  });

  it('unescapes \\\\ and the quote character in string literals', () => {
    expect(evaluate("${'it\\'s'}")).toBe("it's");
    expect(evaluate('${"say \\"hi\\""}')).toBe('say "hi"');
    expect(evaluate("${'a\\\\b'}")).toBe('a\\b');
  });

  it('allows the other quote unescaped inside a string', () => {
    expect(evaluate('${"it\'s"}')).toBe("it's");
  });

  it('keeps a closing brace inside a string literal', () => {
    expect(evaluate("${'a}b'}")).toBe('a}b');
  });

  it('reads integer and floating literals', () => {
    expect(evaluate('${42}')).toBe(42);
    expect(evaluate('${007}')).toBe(7);
    expect(evaluate('${1.25}')).toBe(1.25);
    expect(evaluate('${.5}')).toBe(0.5);
    expect(evaluate('${2.}')).toBe(2);
    expect(evaluate('${1e3}')).toBe(1000);
    expect(evaluate('${2.5E-1}')).toBe(0.25);
  });

  it('reads true, false and null', () => {
    expect(evaluate('${true}')).toBe(true);
    expect(evaluate('${false}')).toBe(false);
    expect(evaluate('${null}')).toBeNull();
  });

  it('ignores whitespace, including newlines, inside ${…}', () => {
    expect(evaluate('${ \n a  +\t1 }', { a: 1 })).toBe(2);
  });

  it('accepts Java identifier characters such as _ and $ in names', () => {
    expect(evaluate('${_x + $y}', { _x: 1, $y: 2 })).toBe(3);
  });
});
