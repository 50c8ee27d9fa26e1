import { describe, expect, it } from 'vitest';
import { activity, fixture, fixtureFailure, messages, parseFailure, processOf } from './parseFixture.js';

describe('script task', () => {
  it('keeps an inline script verbatim with its format and result variable', async () => {
    const task = activity(await processOf('ScriptTask.scripts'), 'inline');
    expect(task).toMatchObject({ type: 'scriptTask', behavior: 'scriptTask' });
    expect(task.definition).toEqual({ kind: 'script', language: 'javascript', source: 'var a = 1;\na + 1', resource: null, resultVariable: 'sum' });
  });

  it('reads an external script resource; the language is matched without regard to case', async () => {
    const task = activity(await processOf('ScriptTask.scripts'), 'external');
    expect(task.definition).toEqual({ kind: 'script', language: 'JavaScript', source: '', resource: 'deployment://scripts/calc.js', resultVariable: null });
  });

  it("defaults the language to juel, Camunda's default, and reads the legacy resultVariableName", async () => {
    const task = activity(await processOf('ScriptTask.scripts'), 'juelByDefault');
    expect(task.definition).toMatchObject({ language: 'juel', source: 'Hello ${name}', resultVariable: 'greeting' });
  });

  it('accepts an empty script element as an empty script, as Camunda does', async () => {
    const task = activity(await processOf('ScriptTask.scripts'), 'empty');
    expect(task.definition).toMatchObject({ source: '' });
  });

  it('reports a missing script, an unsupported language and a blank format', async () => {
    const { errors } = await fixtureFailure('ScriptTask.invalid');
    expect(messages(errors)).toEqual([
      'Unable to process ScriptTask: No script source or resource was given',
      "M8-09003 Script language 'groovy' is not supported (supported: javascript, js, ecmascript, juel)",
      'Unable to process ScriptTask: Script language is empty',
    ]);
    expect(errors.map((e) => e.mainElementId)).toEqual(['noScript', 'groovy', 'blankFormat']);
    expect(errors[1]).toMatchObject({ line: 7 });
  });

  it('accepts the languages a configured script runner supports', async () => {
    const { errors } = await parseFailure('ScriptTask.invalid.bpmn', fixture('ScriptTask.invalid'), { scriptLanguages: ['javascript', 'groovy'] });
    expect(errors.map((e) => e.mainElementId)).toEqual(['noScript', 'blankFormat']);
  });
});
