import { describe, expect, it } from 'vitest';
import { typedValueFromDto } from '../../../src/execution/variables/fromDto.js';
import { typedValueToDto, typedValuesToDtos } from '../../../src/execution/variables/toDto.js';
import type { TypedValue, ValueTypeName } from '../../../src/execution/variables/TypedValue.js';

function tv(type: ValueTypeName, value: unknown, valueInfo: Record<string, unknown> = {}, transient = false): TypedValue {
  return { type, value, valueInfo, transient };
}

const ORDER_INFO = { objectTypeName: 'com.acme.Order', serializationDataFormat: 'application/json' };

describe('typed values in responses', () => {
  it.each<[string, TypedValue, unknown]>([
    ['String', tv('String', 'abc'), 'abc'],
    ['Boolean', tv('Boolean', false), false],
    ['Short', tv('Short', 7), 7],
    ['Integer', tv('Integer', 42), 42],
    ['Long', tv('Long', 2 ** 40), 2 ** 40],
    ['Double', tv('Double', 1.5), 1.5],
    ['Date', tv('Date', new Date('2024-05-01T10:00:00.000Z')), '2024-05-01T10:00:00.000+0000'],
    ['Null', tv('Null', null), null],
    ['Bytes', tv('Bytes', Buffer.from([1, 2, 3])), 'AQID'],
    ['Json', tv('Json', '{"a":1}'), '{"a":1}'],
    ['Xml', tv('Xml', '<a/>'), '<a/>'],
    ['Integer null', tv('Integer', null), null],
    ['Date null', tv('Date', null), null],
  ])('renders %s with value, type and an empty valueInfo', (_name, value, expected) => {
    expect(typedValueToDto(value)).toEqual({ type: value.type, value: expected, valueInfo: {} });
  });

  it('always has the three keys, with null values kept', () => {
    expect(Object.keys(typedValueToDto(tv('Null', null)))).toEqual(['type', 'value', 'valueInfo']);
    expect(JSON.stringify(typedValueToDto(tv('String', null)))).toBe('{"type":"String","value":null,"valueInfo":{}}');
  });

  it('drops any stray valueInfo of primitive types', () => {
    expect(typedValueToDto(tv('String', 'x', { filename: 'a' })).valueInfo).toEqual({});
  });

  it('marks transient values in valueInfo', () => {
    expect(typedValueToDto(tv('Integer', 1, {}, true)).valueInfo).toEqual({ transient: true });
    expect(typedValueToDto(tv('Object', '{}', ORDER_INFO, true)).valueInfo).toEqual({ ...ORDER_INFO, transient: true });
  });

  it('writes non-finite doubles as strings, as Jackson does', () => {
    expect(typedValueToDto(tv('Double', Number.NaN)).value).toBe('NaN');
    expect(typedValueToDto(tv('Double', -Infinity)).value).toBe('-Infinity');
  });

  it('leaves Bytes content out when binary fetching is off (variable-instance and history queries)', () => {
    expect(typedValueToDto(tv('Bytes', Buffer.from([1])), { includeBinary: false }).value).toBeNull();
  });
});

describe('File values in responses', () => {
  it('never carry the content, only filename, mimeType and encoding', () => {
    const file = tv('File', Buffer.from('hi'), { filename: 'a.txt', mimeType: 'text/plain', encoding: 'UTF-8' });
    expect(typedValueToDto(file)).toEqual({ type: 'File', value: null, valueInfo: { filename: 'a.txt', mimeType: 'text/plain', encoding: 'UTF-8' } });
  });

  it('omit a missing mimeType or encoding but always name the file', () => {
    expect(typedValueToDto(tv('File', Buffer.from('hi'), { filename: 'a.txt' })).valueInfo).toEqual({ filename: 'a.txt' });
    expect(typedValueToDto(tv('File', null, {})).valueInfo).toEqual({ filename: null });
  });
});

describe('Object values in responses', () => {
  const order = tv('Object', '{"id":1,"items":[2]}', ORDER_INFO);

  it('are parsed when values are deserialized (the default)', () => {
    expect(typedValueToDto(order)).toEqual({ type: 'Object', value: { id: 1, items: [2] }, valueInfo: ORDER_INFO });
  });

  it('stay serialized with deserializeValues=false', () => {
    expect(typedValueToDto(order, { deserializeValues: false }).value).toBe('{"id":1,"items":[2]}');
  });

  it('stay serialized in formats m8flow cannot deserialize', () => {
    const java = tv('Object', 'rO0ABXQAAWE=', { objectTypeName: 'java.lang.String', serializationDataFormat: 'application/x-java-serialized-object' });
    expect(typedValueToDto(java).value).toBe('rO0ABXQAAWE=');
    const xml = tv('Object', '<o/>', { objectTypeName: 'x.O', serializationDataFormat: 'application/xml' });
    expect(typedValueToDto(xml).value).toBe('<o/>');
  });

  it('fall back to the stored text when the JSON is malformed', () => {
    expect(typedValueToDto(tv('Object', '{"id":', ORDER_INFO)).value).toBe('{"id":');
  });

  it('render a null Object as null', () => {
    expect(typedValueToDto(tv('Object', null, ORDER_INFO)).value).toBeNull();
  });
});

describe('variable maps in responses', () => {
  it('render a Map or a record, keeping a variable named __proto__', () => {
    const fromMap = typedValuesToDtos(new Map([['__proto__', tv('Integer', 1)], ['b', tv('Boolean', true)]]));
    expect(JSON.parse(JSON.stringify(fromMap))).toEqual(JSON.parse(
      '{"__proto__":{"type":"Integer","value":1,"valueInfo":{}},"b":{"type":"Boolean","value":true,"valueInfo":{}}}'));
    expect(typedValuesToDtos({ a: tv('String', 'x') }, { deserializeValues: false })).toEqual({ a: { type: 'String', value: 'x', valueInfo: {} } });
  });
});

describe('round trips through the REST shape', () => {
  it.each<[string, Record<string, unknown>]>([
    ['String', { type: 'String', value: 'x', valueInfo: {} }],
    ['Date', { type: 'Date', value: '2024-05-01T10:00:00.000+0000', valueInfo: {} }],
    ['Bytes', { type: 'Bytes', value: 'AQID', valueInfo: {} }],
    ['Json', { type: 'Json', value: '{"a":[1]}', valueInfo: {} }],
    ['Object', { type: 'Object', value: '{"a":1}', valueInfo: ORDER_INFO }],
  ])('%s comes back as it was sent (serialized form)', (_name, dto) => {
    expect(typedValueToDto(typedValueFromDto(dto), { deserializeValues: false })).toEqual(dto);
  });
});
