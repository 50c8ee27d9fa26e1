import { describe, expect, it } from 'vitest';
import { BpmnError, EngineError } from '../../../../src/errors/EngineError.js';
import { ElExpressionManager } from '../../../../src/expression/el/ElExpressionManager.js';
import { beanOf, contextOf, engineErrorOf, errorMessage, evaluate } from './elTestContext.js';

const manager = new ElExpressionManager();

function parseError(text: string): string {
  return engineErrorOf(() => manager.parse(text)).message;
}

describe('syntax errors', () => {
  it('reports an unclosed expression as Camunda does', () => {
    expect(parseError('${currentUser()')).toBe(
      "Error parsing '${currentUser()': syntax error at position 15, encountered 'null', expected '}'",
    );
  });

  it('lists what may start an operand when one is missing', () => {
    expect(parseError('${1 +}')).toBe(
      "Error parsing '${1 +}': syntax error at position 5, encountered '}', expected "
        + "<IDENTIFIER>|<STRING>|<FLOAT>|<INTEGER>|'true'|'false'|'null'|'-'|'!'|'not'|'empty'|'('",
    );
    expect(parseError('${}')).toMatch(/^Error parsing '\$\{\}': syntax error at position 2, encountered '\}', expected <IDENTIFIER>/);
  });

  it('expects an identifier after a dot', () => {
    expect(parseError('${a.}')).toBe("Error parsing '${a.}': syntax error at position 4, encountered '}', expected <IDENTIFIER>");
  });

  it('expects the missing bracket, parenthesis or colon', () => {
    expect(parseError('${a[1}')).toBe("Error parsing '${a[1}': syntax error at position 5, encountered '}', expected ']'");
    expect(parseError('${(a}')).toBe("Error parsing '${(a}': syntax error at position 4, encountered '}', expected ')'");
    expect(parseError('${a ? b}')).toBe("Error parsing '${a ? b}': syntax error at position 7, encountered '}', expected ':'");
  });

  it('rejects two operands without an operator', () => {
    expect(parseError('${a b}')).toBe("Error parsing '${a b}': syntax error at position 4, encountered 'b', expected '}'");
  });

  it('rejects mixing ${ and #{ in one text', () => {
    expect(parseError('${a}#{b}')).toBe("Error parsing '${a}#{b}': syntax error at position 4, encountered '#{', expected '${'");
    expect(parseError('#{a} ${b}')).toBe("Error parsing '#{a} ${b}': syntax error at position 5, encountered '${', expected '#{'");
  });

  it('rejects instanceof, assignment and single & or |', () => {
    expect(parseError('${a instanceof b}')).toBe(
      "Error parsing '${a instanceof b}': syntax error at position 4, encountered 'instanceof', expected '}'",
    );
    expect(parseError('${a = 1}')).toBe(
      "Error parsing '${a = 1}': lexical error at position 4, encountered invalid character '=', expected expression token",
    );
    expect(parseError('${a & b}')).toMatch(/lexical error at position 4, encountered invalid character '&'/);
  });

  it('reports unterminated strings and invalid escapes as lexical errors', () => {
    expect(parseError("${'abc}")).toBe("Error parsing '${'abc}': lexical error at position 2, encountered unterminated string, expected '");
    expect(parseError("${'a\\n'}")).toBe(
      "Error parsing '${'a\\n'}': lexical error at position 2, encountered invalid escape sequence \\n, expected \\' or \\\\",
    );
  });

  it('rejects an integer literal beyond Long range', () => {
    expect(parseError('${99999999999999999999}')).toBe(
      "Error parsing '${99999999999999999999}': syntax error at position 2, encountered '99999999999999999999', expected <INTEGER>",
    );
  });

  it('leaves a dangling exponent to the next token', () => {
    expect(parseError('${1e}')).toBe("Error parsing '${1e}': syntax error at position 3, encountered 'e', expected '}'");
  });

  it('reports a syntax error before a later lexical error, as the scanner is lazy', () => {
    expect(parseError("${a b 'open}")).toMatch(/syntax error at position 4, encountered 'b'/);
  });

  it('formats large positions with grouping, as Java MessageFormat does', () => {
    const text = `${'x'.repeat(1000)}\${a b}`;
    expect(parseError(text)).toBe(`Error parsing '${text}': syntax error at position 1,004, encountered 'b', expected '}'`);
  });

  it('does not call a call result: f()() is a syntax error', () => {
    expect(parseError('${f()()}')).toMatch(/syntax error at position 5, encountered '\(', expected '\}'/);
  });

  it('reports absurd nesting as a parse error instead of crashing', () => {
    const text = `\${${'('.repeat(20000)}1${')'.repeat(20000)}}`;
    expect(parseError(text)).toMatch(/^Error parsing '.*': expression is nested too deeply$/s);
  });
});

describe('evaluation errors', () => {
  it('throws EngineError expressionEvaluation, a ProcessEngineException with status 500 and code 0', () => {
    const error = engineErrorOf(() => evaluate('${unknown}'));
    expect(error.is('expressionEvaluation')).toBe(true);
    expect(error.type).toBe('ProcessEngineException');
    expect(error.status).toBe(500);
    expect(error.code).toBe(0);
  });

  it('throws the same kind of EngineError for syntax errors', () => {
    expect(engineErrorOf(() => manager.parse('${')).is('expressionEvaluation')).toBe(true);
  });

  it('names the deferred text in messages too', () => {
    expect(errorMessage('#{failing}')).toBe("Unknown property used in expression: #{failing}. Cause: Cannot resolve identifier 'failing'");
  });

  it('reports an error thrown by a bean method as that error, keeping it as cause', () => {
    const boom = new Error('boom');
    const bean = beanOf({ fail: () => { throw boom; } });
    const error = engineErrorOf(() => evaluate('${bean.fail()}', {}, { beans: { bean } }));
    expect(error.message).toBe('Error: boom');
    expect(error.cause).toBe(boom);
  });

  it('reports an error thrown by a function the same way', () => {
    const functions = { now: () => { throw new TypeError('no clock'); } };
    expect(errorMessage('${now()}', {}, { functions })).toBe('TypeError: no clock');
  });

  it('lets EngineErrors and BpmnErrors thrown by beans pass unchanged', () => {
    const notFound = new EngineError('notFound', 'no such variable');
    const bpmn = new BpmnError('REJECTED');
    const bean = beanOf({ a: () => { throw notFound; }, b: () => { throw bpmn; } });
    const context = contextOf({}, { beans: { bean } });
    expect(() => manager.parse('${bean.a()}').evaluate(context)).toThrow(notFound);
    expect(() => manager.parse('${bean.b()}').evaluate(context)).toThrow(bpmn);
  });

  it('reports a resolver failure like an invocation failure', () => {
    const context = { resolve: () => { throw new Error('db down'); } };
    expect(engineErrorOf(() => manager.parse('${x}').evaluate(context)).message).toBe('Error: db down');
  });
});
