import { describe, expect, it } from 'vitest';
import { camundaVariableCodec, scriptValueOf } from '../../../src/execution/variables/plain.js';
import type { TypedValue, ValueTypeName } from '../../../src/execution/variables/TypedValue.js';
import { errorOf } from './errorOf.js';

function tv(type: ValueTypeName, value: unknown, valueInfo: Record<string, unknown> = {}): TypedValue {
  return { type, value, valueInfo, transient: false };
}

describe('what scripts and expressions see', () => {
  it('parses Json and JSON Objects', () => {
    expect(scriptValueOf(tv('Json', '{"a":[1]}'))).toEqual({ a: [1] });
    expect(scriptValueOf(tv('Object', '[1,2]', { serializationDataFormat: 'application/json', objectTypeName: 'java.util.ArrayList' }))).toEqual([1, 2]);
  });

  it('leaves other formats, Xml and primitives as they are', () => {
    expect(scriptValueOf(tv('Object', 'rO0A', { serializationDataFormat: 'application/x-java-serialized-object' }))).toBe('rO0A');
    expect(scriptValueOf(tv('Xml', '<a/>'))).toBe('<a/>');
    expect(scriptValueOf(tv('Integer', 3))).toBe(3);
    expect(scriptValueOf(tv('Bytes', Buffer.from([1])))).toEqual(Buffer.from([1]));
    expect(scriptValueOf(tv('Json', null))).toBeNull();
  });

  it('hands out a copy of a Date', () => {
    const date = new Date(5);
    const seen = scriptValueOf(tv('Date', date));
    expect(seen).toEqual(date);
    expect(seen).not.toBe(date);
  });

  it('fails on malformed JSON', () => {
    const error = errorOf(() => scriptValueOf(tv('Json', '{"a":')));
    expect(error.type).toBe('ProcessEngineException');
    expect(error.message).toMatch(/^Cannot deserialize Json value: /);
  });
});

describe('the runtime codec', () => {
  it('encodes, decodes, exposes and infers with the Camunda rules', () => {
    const typed = camundaVariableCodec.fromPlain({ a: 1 });
    const stored = camundaVariableCodec.encode(typed);
    expect(stored.type).toBe('spin://application/json');
    expect(camundaVariableCodec.decode(stored)).toEqual(typed);
    expect(camundaVariableCodec.toPlain(typed)).toEqual({ a: 1 });
  });
});
