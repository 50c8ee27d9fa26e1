import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BpmnError, EngineError, engineError, isEngineError } from '../../../../src/errors/EngineError.js';
import { createScriptRunner, type SandboxedJsRunner } from '../../../../src/expression/script/SandboxedJsRunner.js';
import { createScriptRunners } from '../../../../src/expression/script/scriptRunners.js';
import type { ScriptExecutionBridge, ScriptInvocation } from '../../../../src/expression/script/ScriptRunner.js';

/** An execution bridge as a class, so its methods live on the prototype like the real one. */
class FakeExecution implements ScriptExecutionBridge {
  readonly id = 'exec-1';
  readonly processInstanceId = 'pi-1';
  readonly processDefinitionId = 'proc:1:abc';
  readonly activityId: string | null = 'ScriptTask_1';
  readonly activityInstanceId: string | null = 'ScriptTask_1:ai';
  readonly businessKey: string | null = 'bk-7';
  readonly tenantId: string | null = null;
  readonly eventName: string | null = null;
  readonly _internal = { secret: () => 'hidden' };
  readonly vars: Map<string, unknown>;

  constructor(initial: Record<string, unknown> = {}) {
    this.vars = new Map(Object.entries(initial));
  }
  getVariable(name: string): unknown {
    return this.vars.get(name) ?? null;
  }
  getVariableLocal(name: string): unknown {
    return this.getVariable(name);
  }
  setVariable(name: string, value: unknown): void {
    this.vars.set(name, value);
  }
  setVariableLocal(name: string, value: unknown): void {
    this.setVariable(name, value);
  }
  hasVariable(name: string): boolean {
    return this.vars.has(name);
  }
  removeVariable(name: string): void {
    this.vars.delete(name);
  }
  getVariables(): Record<string, unknown> {
    return Object.fromEntries(this.vars);
  }
}

function invocation(source: string, extra: Partial<ScriptInvocation> = {}): ScriptInvocation {
  const execution = extra.execution ?? new FakeExecution(extra.variables ?? {});
  return { language: 'javascript', name: 'ScriptTask_1', variables: {}, ...extra, source, execution };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the script to fail');
}

describe('SandboxedJsRunner', () => {
  let runner: SandboxedJsRunner;
  beforeAll(() => {
    runner = createScriptRunner();
  });
  afterAll(() => runner.dispose());

  it('returns the value of the last expression', async () => {
    expect(await runner.run(invocation('var a = 40; a + 2'))).toBe(42);
    expect(await runner.run(invocation("({ list: [1, 'x', null], nested: { ok: true } })"))).toEqual({
      list: [1, 'x', null],
      nested: { ok: true },
    });
    expect(await runner.run(invocation('var x = 1;'))).toBeUndefined();
    expect(await runner.run(invocation('({ keep: 1, drop: function () {} })'))).toEqual({ keep: 1 });
  });

  it('reads process variables as globals by name', async () => {
    const variables = { amount: 5, customer: { name: 'Ann' }, approved: true };
    const result = await runner.run(invocation('approved ? amount * 2 + customer.name.length : 0', { variables }));
    expect(result).toBe(13);
  });

  it('lets execution.getVariable/setVariable reach the bridge', async () => {
    const execution = new FakeExecution({ amount: 5 });
    const source = "execution.setVariable('applicationStatus', 'New'); execution.getVariable('amount') + 1";
    expect(await runner.run(invocation(source, { execution }))).toBe(6);
    expect(execution.vars.get('applicationStatus')).toBe('New');
  });

  it('offers Nashorn-style getters for bridge properties', async () => {
    const source =
      "[execution.getProcessInstanceId(), execution.processInstanceId, execution.getCurrentActivityId(), " +
      'execution.getProcessBusinessKey(), execution.variables.a, typeof execution._internal]';
    const result = await runner.run(invocation(source, { execution: new FakeExecution({ a: 1 }) }));
    expect(result).toEqual(['pi-1', 'pi-1', 'ScriptTask_1', 'bk-7', 1, 'undefined']);
  });

  it('binds a task bean whose nested execution is a bridge', async () => {
    const execution = new FakeExecution({ action: 'approve' });
    const task = { id: 'task-1', name: 'Review', execution, getAssignee: () => 'demo' };
    const source =
      "task.execution.setVariable('x', task.execution.getVariable('action'));" +
      '[task.name, task.getName(), task.assignee, task.execution === execution]';
    const result = await runner.run(invocation(source, { execution, beans: { task } }));
    expect(result).toEqual(['Review', 'Review', 'demo', true]);
    expect(execution.vars.get('x')).toBe('approve');
  });

  it('round-trips dates and bytes', async () => {
    const due = new Date('2024-05-01T10:00:00Z');
    const data = Buffer.from([1, 2, 3]);
    const execution = new FakeExecution({ due, data });
    const source =
      "execution.setVariable('later', new Date(due.getTime() + 1000));" +
      "execution.setVariable('copy', data.map(function (b) { return b * 2; }));" +
      '({ isDate: due instanceof Date, isBytes: data instanceof Uint8Array, due: due, data: data })';
    const result = (await runner.run(invocation(source, { execution, variables: { due, data } }))) as Record<string, unknown>;
    expect(result.isDate).toBe(true);
    expect(result.isBytes).toBe(true);
    expect(result.due).toEqual(due);
    expect(Buffer.isBuffer(result.data) && result.data.equals(data)).toBe(true);
    expect(execution.vars.get('later')).toEqual(new Date(due.getTime() + 1000));
    const copy = execution.vars.get('copy');
    expect(Buffer.isBuffer(copy) && [...copy]).toEqual([2, 4, 6]);
  });

  it('passes null and undefined both ways', async () => {
    const execution = new FakeExecution();
    const source = "execution.setVariable('n', null); execution.setVariable('u', undefined); [nothing, missing === undefined]";
    const result = await runner.run(invocation(source, { execution, variables: { nothing: null, missing: undefined } }));
    expect(result).toEqual([null, true]);
    expect(execution.vars.has('n') && execution.vars.get('n')).toBeNull();
    expect(execution.vars.has('u') && execution.vars.get('u')).toBeUndefined();
  });

  it('routes print output to the onPrint hook', async () => {
    const lines: string[] = [];
    const printing = createScriptRunner({ onPrint: (line) => lines.push(line) });
    try {
      await printing.run(invocation("print('status', 42); 1"));
      expect(await runner.run(invocation("print('ignored'); 'fine'"))).toBe('fine');
      expect(lines).toEqual(['status 42']);
    } finally {
      printing.dispose();
    }
  });

  it('stops an infinite loop at the time limit and keeps working', async () => {
    const limited = createScriptRunner({ timeoutMs: 200 });
    try {
      const started = Date.now();
      const error = await failure(limited.run(invocation('while (true) {}')));
      expect(Date.now() - started).toBeLessThan(3000);
      expect(isEngineError(error, 'scriptEvaluation')).toBe(true);
      expect((error as Error).message).toBe(
        "Unable to evaluate script while executing activity 'ScriptTask_1' in the process definition with id " +
          "'proc:1:abc': Script execution timed out after 200 ms",
      );
      expect(await limited.run(invocation('1 + 1'))).toBe(2);
    } finally {
      limited.dispose();
    }
  });

  it('stops a loop that keeps calling the host, even one that swallows the refusal', async () => {
    const limited = createScriptRunner({ timeoutMs: 200 });
    try {
      for (const source of [
        "for (;;) execution.getVariable('x')",
        "for (;;) { try { execution.getVariable('x'); } catch (e) {} }",
      ]) {
        const started = Date.now();
        const error = await failure(limited.run(invocation(source)));
        expect(Date.now() - started).toBeLessThan(5000);
        expect((error as Error).message).toMatch(/: Script execution timed out after 200 ms$/);
      }
      expect(await limited.run(invocation("execution.getVariable('none')"))).toBeNull();
    } finally {
      limited.dispose();
    }
  });

  it('stops a huge allocation at the memory limit and works again afterwards', async () => {
    const limited = createScriptRunner({ memoryLimitMb: 16, timeoutMs: 20_000 });
    try {
      const hog = "var a = []; for (;;) { a.push('x'.repeat(1024) + a.length); }";
      const error = await failure(limited.run(invocation(hog)));
      expect(isEngineError(error, 'scriptEvaluation')).toBe(true);
      expect((error as Error).message).toMatch(/: Script exceeded the memory limit of 16 MB$/);
      expect(await limited.run(invocation('[1, 2, 3].length'))).toBe(3);
    } finally {
      limited.dispose();
    }
  });

  it('gives scripts no require, process, timers, network or WebAssembly', async () => {
    const probe = '[typeof require, typeof process, typeof setTimeout, typeof fetch, typeof WebAssembly, typeof module]';
    expect(await runner.run(invocation(probe))).toEqual(Array(6).fill('undefined'));
    const error = await failure(runner.run(invocation("require('fs')")));
    expect(isEngineError(error, 'scriptEvaluation')).toBe(true);
    expect((error as Error).message).toBe(
      "Unable to evaluate script while executing activity 'ScriptTask_1' in the process definition with id " +
        "'proc:1:abc': ReferenceError: require is not defined in ScriptTask_1 at line number 1 at column number 1",
    );
  });

  it('reports a syntax error as ScriptEvaluationException, as Camunda does for JavaScript (it never compiles it)', async () => {
    const error = await failure(runner.run(invocation('var = ;')));
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).type).toBe('ScriptEvaluationException');
    expect((error as Error).message).toMatch(/^Unable to evaluate script while executing activity '[^']+'.*: SyntaxError: /);
  });

  it('surfaces a BpmnError thrown by the script', async () => {
    const error = await failure(runner.run(invocation("throw new BpmnError('CODE', 'message')")));
    expect(error).toBeInstanceOf(BpmnError);
    expect(error).toMatchObject({ errorCode: 'CODE', message: 'message' });
    const java = await failure(runner.run(invocation("throw new org.camunda.bpm.engine.delegate.BpmnError('1')")));
    expect(java).toMatchObject({ errorCode: '1' });
    const typed = "var E = Java.type('org.camunda.bpm.engine.delegate.BpmnError'); throw new E('2', 'typed')";
    expect(await failure(runner.run(invocation(typed)))).toMatchObject({ errorCode: '2', message: 'typed' });
  });

  it('rethrows a BpmnError raised by a bean and wraps other host errors', async () => {
    const hostError = new BpmnError('HOST', 'from host');
    const beans = {
      service: { fail: () => { throw hostError; }, broken: () => { throw engineError('badUserRequest', 'no'); } },
    };
    expect(await failure(runner.run(invocation('service.fail()', { beans })))).toBe(hostError);
    const wrapped = await failure(runner.run(invocation('service.broken()', { beans })));
    expect(isEngineError(wrapped, 'scriptEvaluation')).toBe(true);
    expect((wrapped as Error).message).toMatch(/: BadUserRequestException: no$/);
    const caught = "try { service.fail(); } catch (e) { [e instanceof BpmnError, e.errorCode] }";
    expect(await runner.run(invocation(caught, { beans }))).toEqual([true, 'HOST']);
  });

  it('reports unsupported languages with the language name', async () => {
    const error = await failure(runner.run(invocation('1', { language: 'groovy' })));
    expect(isEngineError(error, 'nullValue')).toBe(true);
    expect((error as Error).message).toBe("Can't find scripting engine for 'groovy': scriptEngine is null");
    const registry = createScriptRunners();
    try {
      expect(['JavaScript', 'ECMAScript', 'Nashorn', 'Graal.js', 'js'].every((l) => registry.supports(l))).toBe(true);
      expect(() => registry.forLanguage('python')).toThrow("Can't find scripting engine for 'python'");
      expect(await registry.run(invocation('6 * 7', { language: 'Graal.js' }))).toBe(42);
    } finally {
      registry.dispose();
    }
  });

  it('reuses one isolate for many runs without exhausting its memory', async () => {
    const small = createScriptRunner({ memoryLimitMb: 16 });
    try {
      const source = 'function twice(x) { return x * 2; } var o = { f: function () { return 1; } }; twice(n) + o.f()';
      for (let n = 0; n < 300; n++) {
        expect(await small.run(invocation(source, { variables: { n } }))).toBe(n * 2 + 1);
      }
    } finally {
      small.dispose();
    }
  });

  it('runs concurrent scripts on a pool of isolates', async () => {
    const pooled = createScriptRunner({ poolSize: 2 });
    try {
      const runs = Array.from({ length: 8 }, (_, n) => pooled.run(invocation('n * n', { variables: { n } })));
      expect(await Promise.all(runs)).toEqual([0, 1, 4, 9, 16, 25, 36, 49]);
    } finally {
      pooled.dispose();
    }
  });
});
