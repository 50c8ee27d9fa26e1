import { describe, expect, it } from 'vitest';
import { resolveValueTypeName, typedValueFromDto, typedValuesFromDtos } from '../../../src/execution/variables/fromDto.js';
import type { VariableValueDto } from '../../../src/execution/variables/TypedValue.js';
import { errorOf } from './errorOf.js';

describe('type names in requests', () => {
  it.each([
    ['string', 'String'], ['String', 'String'], ['boolean', 'Boolean'], ['short', 'Short'],
    ['integer', 'Integer'], ['Integer', 'Integer'], ['long', 'Long'], ['double', 'Double'],
    ['date', 'Date'], ['null', 'Null'], ['bytes', 'Bytes'], ['file', 'File'], ['File', 'File'],
    ['json', 'Json'], ['Json', 'Json'], ['xml', 'Xml'], ['object', 'Object'], ['number', 'Number'],
  ])('resolves %s as %s', (name, expected) => {
    expect(resolveValueTypeName(name)).toBe(expected);
  });

  it.each([['INTEGER', 'Integer'], ['JSON', 'Json'], ['sTRING', 'String']])('matches %s case-insensitively as %s', (name, expected) => {
    expect(resolveValueTypeName(name)).toBe(expected);
  });

  it.each(['foo', '', 'Map'])('does not know %j', (name) => {
    expect(resolveValueTypeName(name)).toBeNull();
  });

  it.each(['foo', 'Map', ''])('rejects %j with RestException 400 "Unsupported value type"', (type) => {
    const error = errorOf(() => typedValueFromDto({ type, value: 1 }));
    expect(error.type).toBe('RestException');
    expect(error.status).toBe(400);
    expect(error.message).toBe(`Unsupported value type '${type}'`);
  });

  it('rejects the abstract Number type as the engine does', () => {
    const error = errorOf(() => typedValueFromDto({ type: 'Number', value: 1 }));
    expect(error.type).toBe('ProcessEngineException');
    expect(error.message).toBe('Cannot serialize value of abstract type number');
  });
});

describe('untyped values are inferred', () => {
  it.each<[unknown, string, unknown]>([
    [5, 'Integer', 5],
    [2147483647, 'Integer', 2147483647],
    [-2147483648, 'Integer', -2147483648],
    [2147483648, 'Long', 2147483648],
    [-2147483649, 'Long', -2147483649],
    [2 ** 53, 'Long', 2 ** 53],
    [1e19, 'Double', 1e19],
    [1.5, 'Double', 1.5],
    [JSON.parse('1.0'), 'Integer', 1], // JSON.parse cannot tell 1.0 from 1; Jackson would say Double
    [true, 'Boolean', true],
    ['2024-05-01T10:00:00.000+0000', 'String', '2024-05-01T10:00:00.000+0000'],
    [null, 'Null', null],
    [undefined, 'Null', null],
  ])('%j becomes %s', (value, type, expected) => {
    expect(typedValueFromDto({ value })).toEqual({ type, value: expected, valueInfo: {}, transient: false });
  });

  it('turns a JSON object into an Object serialized as application/json', () => {
    expect(typedValueFromDto({ value: { a: 1, b: [true] } })).toEqual({
      type: 'Object',
      value: '{"a":1,"b":[true]}',
      valueInfo: {
        objectTypeName: 'java.util.LinkedHashMap<java.lang.Object,java.lang.Object>',
        serializationDataFormat: 'application/json',
      },
      transient: false,
    });
  });

  it('names a JSON array after its first element, as Spin does', () => {
    const value = typedValueFromDto({ value: [1, 2] });
    expect(value.valueInfo).toEqual({ objectTypeName: 'java.util.ArrayList<java.lang.Integer>', serializationDataFormat: 'application/json' });
    expect(value.value).toBe('[1,2]');
  });

  it('honours a boolean transient flag and ignores any other', () => {
    expect(typedValueFromDto({ value: 'x', valueInfo: { transient: true } }).transient).toBe(true);
    expect(typedValueFromDto({ value: 'x', valueInfo: { transient: 'true' } }).transient).toBe(false);
  });

  it('reads a missing DTO as an untyped null', () => {
    expect(typedValueFromDto(null)).toEqual({ type: 'Null', value: null, valueInfo: {}, transient: false });
  });
});

describe('primitive values are converted with Jackson rules', () => {
  it.each<[string, unknown, unknown]>([
    ['Integer', 42, 42], ['integer', '42', 42], ['Integer', ' 42 ', 42], ['Integer', '+7', 7],
    ['Integer', '', null], ['Integer', 'null', null], ['Integer', null, null], ['Integer', undefined, null],
    ['Short', 5, 5], ['short', '-32768', -32768],
    ['Long', 2147483648, 2147483648], ['long', 5, 5], ['Long', '-5', -5],
    ['Double', 5, 5], ['double', 1.5, 1.5], ['Double', '1e3', 1000], ['Double', '2.5d', 2.5],
    ['Double', '.5', 0.5], ['Double', 'NaN', Number.NaN], ['Double', '-Infinity', -Infinity],
    ['Boolean', true, true], ['boolean', 'TRUE', true], ['Boolean', 'False', false], ['Boolean', '', null],
    ['String', 'abc', 'abc'], ['string', '', ''], ['String', 5, '5'], ['String', true, 'true'],
    ['String', 1.5, '1.5'], ['String', { a: 1, b: 'x' }, '{a=1, b=x}'], ['String', [1, 2], '[1, 2]'],
    ['Null', null, null],
  ])('%s %j → %j', (type, value, expected) => {
    const typed = typedValueFromDto({ type, value });
    expect(typed.value).toEqual(expected);
    expect(typed.valueInfo).toEqual({});
    expect(typed.transient).toBe(false);
  });

  it('keeps the REST type in canonical spelling', () => {
    expect(typedValueFromDto({ type: 'integer', value: 1 }).type).toBe('Integer');
    expect(typedValueFromDto({ type: 'null', value: null }).type).toBe('Null');
  });

  it.each([
    ['2024-05-01T10:00:00.000+0000', '2024-05-01T10:00:00.000Z'],
    ['2024-05-01T12:00:00.000+0200', '2024-05-01T10:00:00.000Z'],
    ['2024-05-01T10:00:00Z', '2024-05-01T10:00:00.000Z'],
    ['2024-05-01T10:00:00.000+02:00', '2024-05-01T08:00:00.000Z'],
  ])('parses the date %s', (text, iso) => {
    const typed = typedValueFromDto({ type: 'date', value: text });
    expect(typed.type).toBe('Date');
    expect((typed.value as Date).toISOString()).toBe(iso);
  });

  it('reads an empty date as null', () => {
    expect(typedValueFromDto({ type: 'Date', value: '' }).value).toBeNull();
  });

  it('decodes Bytes from base64', () => {
    expect(typedValueFromDto({ type: 'bytes', value: 'AQID' }).value).toEqual(Buffer.from([1, 2, 3]));
    expect(typedValueFromDto({ type: 'Bytes', value: '' }).value).toEqual(Buffer.alloc(0));
  });

  it('keeps a transient flag', () => {
    expect(typedValueFromDto({ type: 'String', value: 'x', valueInfo: { transient: true } }).transient).toBe(true);
  });
});

describe('primitive conversion errors', () => {
  it.each<[string, unknown, string]>([
    ['Integer', 'abc', "Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer"],
    ['integer', 2147483648, "Cannot convert value '2147483648' of type 'integer' to java type java.lang.Integer"],
    ['Integer', 1.5, "Cannot convert value '1.5' of type 'Integer' to java type java.lang.Integer"],
    ['Integer', true, "Cannot convert value 'true' of type 'Integer' to java type java.lang.Integer"],
    ['Short', 32768, "Cannot convert value '32768' of type 'Short' to java type java.lang.Short"],
    ['Long', '9223372036854775808', "Cannot convert value '9223372036854775808' of type 'Long' to java type java.lang.Long"],
    ['Long', 1.5, "Cannot convert value '1.5' of type 'Long' to java type java.lang.Long"],
    ['Double', 'abc', "Cannot convert value 'abc' of type 'Double' to java type java.lang.Double"],
    ['Boolean', 1, "Cannot convert value '1' of type 'Boolean' to java type java.lang.Boolean"],
    ['boolean', 'yes', "Cannot convert value 'yes' of type 'boolean' to java type java.lang.Boolean"],
    ['Date', 'yesterday', "Cannot convert value 'yesterday' of type 'Date' to java type java.util.Date"],
    ['Date', 1714557600000, "Cannot convert value '1714557600000' of type 'Date' to java type java.util.Date"],
    ['Bytes', 'AQI', "Cannot convert value 'AQI' of type 'Bytes' to java type [B"],
    ['Null', 'x', "Cannot convert value 'x' of type 'Null' to java type javax.lang.model.type.NullType"],
    ['String', { a: 'x\\y' }, "Cannot convert value '{a=x\\y}' of type 'String' to java type java.lang.String"],
    ['Integer', { a: [1, 2.5] }, "Cannot convert value '{a=[1, 2.5]}' of type 'Integer' to java type java.lang.Integer"],
    ['Integer', 1e-7, "Cannot convert value '1.0E-7' of type 'Integer' to java type java.lang.Integer"],
  ])('%s %j fails with InvalidRequestException', (type, value, message) => {
    const error = errorOf(() => typedValueFromDto({ type, value }));
    expect(error.type).toBe('InvalidRequestException');
    expect(error.status).toBe(400);
    expect(error.message).toBe(message);
  });

  it('reports a non-boolean transient flag as a conversion error', () => {
    const error = errorOf(() => typedValueFromDto({ type: 'String', value: 'x', valueInfo: { transient: 'yes' } }));
    expect(error.message).toBe("Cannot convert value 'x' of type 'String' to java type java.lang.String");
  });
});

describe('File values', () => {
  const content = Buffer.from('hello').toString('base64');

  it('decodes the content and keeps filename, mimeType and encoding', () => {
    expect(typedValueFromDto({
      type: 'file', value: content,
      valueInfo: { filename: 'a.txt', mimeType: 'text/plain', encoding: 'UTF-8', transient: true },
    })).toEqual({
      type: 'File', value: Buffer.from('hello'),
      valueInfo: { filename: 'a.txt', mimeType: 'text/plain', encoding: 'UTF-8' }, transient: true,
    });
  });

  it('ignores the lower-case mimetype key the JS client sends, as Camunda does', () => {
    const typed = typedValueFromDto({ type: 'file', value: content, valueInfo: { filename: 'a.txt', mimetype: 'text/plain' } });
    expect(typed.valueInfo).toEqual({ filename: 'a.txt' });
  });

  it.each<[VariableValueDto, string]>([
    [{ type: 'File', value: content }, 'Cannot create file without valueInfo.'],
    [{ type: 'File', value: content, valueInfo: {} }, 'Cannot create file without filename! Please set a name into ValueInfo with key filename'],
    [{ type: 'File', value: 5, valueInfo: { filename: 'a' } }, 'Provided value is not of File, InputStream or byte[] type.'],
    [{ type: 'File', value: null, valueInfo: { filename: 'a' } }, 'Provided value is not of File, InputStream or byte[] type.'],
    [{ type: 'File', value: content, valueInfo: { filename: 'a', mimeType: null } }, "The provided mime type is null. Set a non-null value info property with key 'filename'"],
    [{ type: 'File', value: content, valueInfo: { filename: 'a', encoding: null } }, "The provided encoding is null. Set a non-null value info property with key 'encoding'"],
    [{ type: 'File', value: content, valueInfo: { filename: 'a', transient: 1 } }, "The property 'transient' should have a value of type 'boolean'."],
  ])('rejects %j', (dto, message) => {
    const error = errorOf(() => typedValueFromDto(dto));
    expect(error.type).toBe('InvalidRequestException');
    expect(error.message).toBe(message);
  });
});

describe('Object, Json and Xml values', () => {
  it('keeps an Object as its serialized string with type name and format', () => {
    expect(typedValueFromDto({
      type: 'Object', value: '{"id":1}',
      valueInfo: { objectTypeName: 'com.acme.Order', serializationDataFormat: 'application/json' },
    })).toEqual({
      type: 'Object', value: '{"id":1}',
      valueInfo: { objectTypeName: 'com.acme.Order', serializationDataFormat: 'application/json' }, transient: false,
    });
  });

  it.each(['application/x-java-serialized-object', 'application/xml', 'text/csv'])('accepts the %s format (checked when stored)', (format) => {
    const typed = typedValueFromDto({ type: 'object', value: 'rO0AB', valueInfo: { objectTypeName: 'x.Y', serializationDataFormat: format } });
    expect(typed.valueInfo['serializationDataFormat']).toBe(format);
  });

  it('does not parse Json or Xml text', () => {
    expect(typedValueFromDto({ type: 'json', value: '{"a":' }).value).toBe('{"a":');
    expect(typedValueFromDto({ type: 'Xml', value: '<a/>' })).toEqual({ type: 'Xml', value: '<a/>', valueInfo: {}, transient: false });
    expect(typedValueFromDto({ type: 'Json', value: null }).value).toBeNull();
  });

  it.each<[VariableValueDto, string]>([
    [{ type: 'object', value: { id: 1 } }, "Must provide 'null' or String value for value of SerializableValue type 'object'."],
    [{ type: 'json', value: { a: 1 } }, "Must provide 'null' or String value for value of SerializableValue type 'json'."],
    [{ type: 'Xml', value: 5 }, "Must provide 'null' or String value for value of SerializableValue type 'Xml'."],
    [{ type: 'Object', value: '{}', valueInfo: { objectTypeName: 5 } },
      "class java.lang.Integer cannot be cast to class java.lang.String (java.lang.Integer and java.lang.String are in module java.base of loader 'bootstrap')"],
    [{ type: 'Object', value: '{}', valueInfo: { transient: 'no' } }, "The property 'transient' should have a value of type 'boolean'."],
    [{ type: 'Json', value: '{}', valueInfo: { transient: 'no' } }, "The property 'transient' should have a value of type 'boolean'."],
  ])('rejects %j', (dto, message) => {
    expect(errorOf(() => typedValueFromDto(dto)).message).toBe(message);
  });
});

describe('variable maps', () => {
  it('converts every entry and keeps null as null', () => {
    expect(typedValuesFromDtos(null)).toBeNull();
    const map = typedValuesFromDtos({ a: { value: 1 }, b: { type: 'String', value: 'x' } });
    expect([...(map?.entries() ?? [])].map(([k, v]) => [k, v.type])).toEqual([['a', 'Integer'], ['b', 'String']]);
  });
});
