import { describe, expect, it } from 'vitest';
import type { StoredValue } from '../../../src/persistence/ports/entities.js';
import {
  checkJavaSerialization, fromStoredValue, serializerNameOf, toStoredValue,
} from '../../../src/execution/variables/serializers.js';
import { typedValueToDto } from '../../../src/execution/variables/toDto.js';
import type { TypedValue, ValueTypeName } from '../../../src/execution/variables/TypedValue.js';
import { errorOf } from './errorOf.js';

function tv(type: ValueTypeName, value: unknown, valueInfo: Record<string, unknown> = {}): TypedValue {
  return { type, value, valueInfo, transient: false };
}

function row(type: string, columns: Partial<StoredValue> = {}): StoredValue {
  return { type, textValue: null, textValue2: null, longValue: null, doubleValue: null, bytesValue: null, ...columns };
}

const when = new Date('2024-05-01T10:00:00.000Z');
const JSON_INFO = { serializationDataFormat: 'application/json', objectTypeName: 'com.acme.Order' };
const JAVA_INFO = { serializationDataFormat: 'application/x-java-serialized-object', objectTypeName: 'java.lang.String' };

describe('values are stored in Camunda\'s columns and read back', () => {
  it.each<[string, TypedValue, StoredValue]>([
    ['null', tv('Null', null), row('null')],
    ['a string', tv('String', 'abc'), row('string', { textValue: 'abc' })],
    ['the empty string', tv('String', ''), row('string', { textValue: '', textValue2: '!emptyString!' })],
    ['true', tv('Boolean', true), row('boolean', { longValue: 1 })],
    ['false', tv('Boolean', false), row('boolean', { longValue: 0 })],
    ['an integer', tv('Integer', 42), row('integer', { longValue: 42, textValue: '42' })],
    ['a negative integer', tv('Integer', -7), row('integer', { longValue: -7, textValue: '-7' })],
    ['a short (TEXT_ holds the typed value\'s toString, as in Camunda)', tv('Short', 7),
      row('short', { longValue: 7, textValue: "Value '7' of type 'PrimitiveValueType[short]', isTransient=false" })],
    ['a long', tv('Long', 2 ** 40), row('long', { longValue: 2 ** 40, textValue: '1099511627776' })],
    ['a double', tv('Double', 1.5), row('double', { doubleValue: 1.5 })],
    ['a date', tv('Date', when), row('date', { longValue: when.getTime() })],
    ['bytes', tv('Bytes', Buffer.from([1, 2])), row('bytes', { bytesValue: Buffer.from([1, 2]) })],
    ['a file with mime type and encoding', tv('File', Buffer.from('hi'), { filename: 'a.txt', mimeType: 'text/plain', encoding: 'UTF-8' }),
      row('file', { textValue: 'a.txt', textValue2: 'text/plain#UTF-8', bytesValue: Buffer.from('hi') })],
    ['a file with a mime type only', tv('File', Buffer.from('hi'), { filename: 'a.txt', mimeType: 'text/plain' }),
      row('file', { textValue: 'a.txt', textValue2: 'text/plain#', bytesValue: Buffer.from('hi') })],
    ['a file with an encoding only', tv('File', Buffer.from('hi'), { filename: 'a.txt', encoding: 'UTF-8' }),
      row('file', { textValue: 'a.txt', textValue2: '#UTF-8', bytesValue: Buffer.from('hi') })],
    ['a bare file', tv('File', Buffer.from('hi'), { filename: 'a.txt' }),
      row('file', { textValue: 'a.txt', bytesValue: Buffer.from('hi') })],
    ['Json (bytes, no text)', tv('Json', '{"a":1}'), row('json', { bytesValue: Buffer.from('{"a":1}') })],
    ['Xml (bytes, no text)', tv('Xml', '<a>ü</a>'), row('xml', { bytesValue: Buffer.from('<a>ü</a>', 'utf8') })],
    ['a JSON object', tv('Object', '{"id":1}', JSON_INFO),
      row('spin://application/json', { bytesValue: Buffer.from('{"id":1}'), textValue2: 'com.acme.Order' })],
    ['a Java-serialized object (base64 on the wire, bytes in the row)', tv('Object', 'rO0ABXQAAWE=', JAVA_INFO),
      row('serializable', { bytesValue: Buffer.from('rO0ABXQAAWE=', 'base64'), textValue2: 'java.lang.String' })],
    ['an XML object', tv('Object', '<o/>', { serializationDataFormat: 'application/xml', objectTypeName: 'x.O' }),
      row('spin://application/xml', { bytesValue: Buffer.from('<o/>'), textValue2: 'x.O' })],
    ['an object in another format (Spin fallback serializer)', tv('Object', 'a;b', { serializationDataFormat: 'text/csv', objectTypeName: 'x.Csv' }),
      row('spin://text/csv', { bytesValue: Buffer.from('a;b'), textValue2: 'x.Csv' })],
    ['a null integer', tv('Integer', null), row('integer')],
    ['a null string', tv('String', null), row('string')],
    ['a null boolean', tv('Boolean', null), row('boolean')],
    ['a null date', tv('Date', null), row('date')],
    ['a null Json', tv('Json', null), row('json')],
    ['a null object without type name', tv('Object', null, { serializationDataFormat: 'application/json' }), row('spin://application/json')],
  ])('%s', (_name, value, expected) => {
    expect(toStoredValue(value)).toEqual(expected);
    expect(fromStoredValue(expected)).toEqual(value);
  });
});

describe('reading rows Camunda wrote', () => {
  it('reads the empty-string marker without text as ""', () => {
    expect(fromStoredValue(row('string', { textValue2: '!emptyString!' })).value).toBe('');
  });

  it('narrows integer and short columns as Java does', () => {
    expect(fromStoredValue(row('integer', { longValue: 2 ** 32 + 5 })).value).toBe(5);
    expect(fromStoredValue(row('short', { longValue: 65535 })).value).toBe(-1);
  });

  it('treats any non-1 boolean as false', () => {
    expect(fromStoredValue(row('boolean', { longValue: 2 })).value).toBe(false);
  });

  it.each<[string | null, Record<string, unknown>]>([
    ['application/pdf#', { mimeType: 'application/pdf' }],
    ['#UTF-8', { encoding: 'UTF-8' }],
    ['a/b#x#y', { mimeType: 'a/b', encoding: 'x#y' }],
    ['text/plain', { mimeType: 'text/plain' }],
    ['#', {}],
    [null, {}],
  ])('splits the file column %j into mimeType and encoding', (textValue2, info) => {
    const value = fromStoredValue(row('file', { textValue: 'f.txt', textValue2, bytesValue: Buffer.from('x') }));
    expect(value.valueInfo).toEqual({ filename: 'f.txt', ...info });
  });

  it('names a file without a stored name ""', () => {
    expect(fromStoredValue(row('file')).valueInfo).toEqual({ filename: '' });
  });

  it('reads a Java-serialized object as base64 text', () => {
    const value = fromStoredValue(row('serializable', { bytesValue: Buffer.from([0xac, 0xed, 0, 5]), textValue2: 'java.util.LinkedHashMap' }));
    expect(value).toEqual(tv('Object', 'rO0ABQ==', {
      serializationDataFormat: 'application/x-java-serialized-object', objectTypeName: 'java.util.LinkedHashMap',
    }));
  });
});

describe('rows of unknown serializers', () => {
  const custom = row('my-plugin-type', { textValue: 'abc', textValue2: 'com.acme.Thing', bytesValue: Buffer.from([9]) });

  it('read as opaque Objects without failing', () => {
    const value = fromStoredValue(custom);
    expect(value.type).toBe('Object');
    expect(value.value).toBe('CQ==');
    expect(value.valueInfo).toEqual({ serializationDataFormat: 'my-plugin-type', objectTypeName: 'com.acme.Thing' });
    expect(typedValueToDto(value)).toEqual({ type: 'Object', value: 'CQ==', valueInfo: value.valueInfo });
  });

  it('are written back unchanged', () => {
    const value = fromStoredValue(custom);
    expect(serializerNameOf(value)).toBe('my-plugin-type');
    expect(toStoredValue(value)).toEqual(custom);
  });

  it('show their text or number when they have no bytes', () => {
    expect(fromStoredValue(row('x', { textValue: 't' })).value).toBe('t');
    expect(fromStoredValue(row('x', { longValue: 3 })).value).toBe(3);
    expect(fromStoredValue(row('x')).value).toBeNull();
  });
});

describe('objects that cannot be stored', () => {
  it('fail without a serialization format, quoting the value as Camunda does', () => {
    const error = errorOf(() => toStoredValue(tv('Object', '{}', { objectTypeName: 'com.acme.Order' })));
    expect(error.type).toBe('ProcessEngineException');
    expect(error.message).toBe("Cannot find serializer for value 'ObjectValue [value=null, isDeserialized=false, "
      + "serializationDataFormat=null, objectTypeName=com.acme.Order, serializedValue=2 chars, isTransient=false]'.");
  });

  it('fail without a type name when they have a value', () => {
    const error = errorOf(() => toStoredValue(tv('Object', '{}', { serializationDataFormat: 'application/json' }), 'order'));
    expect(error.type).toBe('ProcessEngineException');
    expect(error.message).toBe("Cannot write serialized value for variable 'order': no 'objectTypeName' provided for non-null value.");
  });
});

describe('Java serialization is prohibited unless enabled', () => {
  const java = tv('Object', 'rO0A', JAVA_INFO);

  it('rejects a Java-serialized object by default', () => {
    const error = errorOf(() => checkJavaSerialization('v', java, false));
    expect(error.type).toBe('ProcessEngineException');
    expect(error.message).toBe('ENGINE-17007 Cannot set variable with name v. Java serialization format is prohibited');
  });

  it('accepts it when enabled, and any other value always', () => {
    expect(() => checkJavaSerialization('v', java, true)).not.toThrow();
    expect(() => checkJavaSerialization('v', tv('Object', '{}', JSON_INFO), false)).not.toThrow();
    expect(() => checkJavaSerialization('v', tv('String', 'x'), false)).not.toThrow();
  });
});
