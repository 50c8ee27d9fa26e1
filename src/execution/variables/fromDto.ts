import { engineError } from '../../errors/EngineError.js';
import {
  INFO_ENCODING, INFO_FILENAME, INFO_MIME_TYPE, INFO_OBJECT_TYPE_NAME,
  INFO_SERIALIZATION_DATA_FORMAT, INFO_TRANSIENT,
} from './formats.js';
import { inferTypedValue } from './infer.js';
import { javaClassName, javaText } from './javaText.js';
import { convertPrimitive, NOT_CONVERTIBLE, PRIMITIVE_JAVA_TYPES, type PrimitiveTypeName } from './primitives.js';
import type { TypedValue, ValueTypeName, VariableValueDto } from './TypedValue.js';

/** A type name the REST API resolves: the variable types plus the query-only abstract `Number`. */
export type RestValueTypeName = ValueTypeName | 'Number';

type Info = Readonly<Record<string, unknown>>;

/** Engine type names (`ValueTypeResolverImpl` plus the Spin plug-in's json/xml). */
const ENGINE_TYPES: Readonly<Record<string, RestValueTypeName>> = {
  boolean: 'Boolean', bytes: 'Bytes', date: 'Date', double: 'Double', integer: 'Integer',
  long: 'Long', null: 'Null', short: 'Short', string: 'String', object: 'Object',
  number: 'Number', file: 'File', json: 'Json', xml: 'Xml',
};

/**
 * Resolves a REST type name (`fromRestApiTypeName`). Camunda only lower-cases the first letter;
 * m8flow matches the whole name case-insensitively, which accepts everything Camunda accepts.
 * Returns null for a name Camunda reports as unsupported.
 */
export function resolveValueTypeName(name: string): RestValueTypeName | null {
  if (name === '') return null;
  // Camunda lowercases only the first letter; m8flow accepts any case (a superset), so
  // `INTEGER` and `Json` work as well as `integer`.
  const engineName = Object.keys(ENGINE_TYPES).find((known) => known.toLowerCase() === name.toLowerCase());
  return engineName === undefined ? null : ENGINE_TYPES[engineName] ?? null;
}

function has(info: Info, key: string): boolean {
  return Object.hasOwn(info, key) && info[key] !== undefined;
}

function invalid(message: string): never {
  throw engineError('variableType', message);
}

/** `AbstractValueTypeImpl.isTransient`: the key, when present, must hold a boolean. */
function transientOf(info: Info | null): boolean | undefined {
  if (!info || !has(info, INFO_TRANSIENT)) return false;
  const flag = info[INFO_TRANSIENT];
  return typeof flag === 'boolean' ? flag : undefined;
}

function requireTransient(info: Info | null): boolean {
  return transientOf(info) ?? invalid("The property 'transient' should have a value of type 'boolean'.");
}

function primitiveFromDto(type: PrimitiveTypeName, typeText: string, value: unknown, info: Info | null): TypedValue {
  const converted = convertPrimitive(type, value);
  const transient = transientOf(info);
  if (converted === NOT_CONVERTIBLE || transient === undefined) {
    invalid(`Cannot convert value '${javaText(value)}' of type '${typeText}' to java type ${PRIMITIVE_JAVA_TYPES[type]}`);
  }
  return { type, value: converted, valueInfo: {}, transient };
}

function fileContent(value: unknown): Buffer {
  // engine-rest decodes base64 leniently (commons-codec); Buffer's decoder is lenient as well.
  if (typeof value === 'string') return Buffer.from(value, 'base64');
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value);
  return invalid('Provided value is not of File, InputStream or byte[] type.');
}

function optionalFileInfo(info: Info, key: string, message: string): string | null {
  if (!has(info, key)) return null;
  const value = info[key];
  return value === null ? invalid(message) : javaText(value);
}

/** `FileValueTypeImpl.createValue`, including its messages (the mime-type one names `filename`). */
function fileFromDto(value: unknown, info: Info | null): TypedValue {
  if (!info) invalid('Cannot create file without valueInfo.');
  if (info[INFO_FILENAME] === null || info[INFO_FILENAME] === undefined) {
    invalid(`Cannot create file without filename! Please set a name into ValueInfo with key ${INFO_FILENAME}`);
  }
  const filename = javaText(info[INFO_FILENAME]);
  const content = fileContent(value);
  const mimeType = optionalFileInfo(info, INFO_MIME_TYPE,
    `The provided mime type is null. Set a non-null value info property with key '${INFO_FILENAME}'`);
  const encoding = optionalFileInfo(info, INFO_ENCODING,
    `The provided encoding is null. Set a non-null value info property with key '${INFO_ENCODING}'`);
  const valueInfo: Record<string, unknown> = { [INFO_FILENAME]: filename };
  if (mimeType !== null) valueInfo[INFO_MIME_TYPE] = mimeType;
  if (encoding !== null) valueInfo[INFO_ENCODING] = encoding;
  return { type: 'File', value: content, valueInfo, transient: requireTransient(info) };
}

/** `ObjectTypeImpl.applyValueInfo` casts the entries to String. */
function castString(value: unknown): string | null {
  if (value === null || value === undefined || typeof value === 'string') return value ?? null;
  const cls = javaClassName(value);
  return invalid(`class ${cls} cannot be cast to class java.lang.String (${cls} and java.lang.String are in module java.base of loader 'bootstrap')`);
}

function objectValueInfo(info: Info): Record<string, unknown> {
  const objectTypeName = castString(info[INFO_OBJECT_TYPE_NAME]);
  const format = castString(info[INFO_SERIALIZATION_DATA_FORMAT]);
  const valueInfo: Record<string, unknown> = {};
  if (objectTypeName !== null) valueInfo[INFO_OBJECT_TYPE_NAME] = objectTypeName;
  if (format !== null) valueInfo[INFO_SERIALIZATION_DATA_FORMAT] = format;
  return valueInfo;
}

/**
 * Object, Json and Xml (`SerializableValueType.createValueFromSerialized`): the value must be the
 * serialized text or null; it is not parsed here (Camunda stores it as given). Whether an Object's
 * data format and type name can be stored is decided when it is written (see serializers.ts).
 */
function serializableFromDto(type: 'Object' | 'Json' | 'Xml', typeText: string, value: unknown, info: Info | null): TypedValue {
  if (value !== null && value !== undefined && typeof value !== 'string') {
    invalid(`Must provide 'null' or String value for value of SerializableValue type '${typeText}'.`);
  }
  const valueInfo = type === 'Object' && info ? objectValueInfo(info) : {};
  return { type, value: value ?? null, valueInfo, transient: requireTransient(info) };
}

function untypedFromDto(value: unknown, info: Info | null): TypedValue {
  // Without a type, only a boolean `transient` counts; anything else there is ignored.
  const flag = info?.[INFO_TRANSIENT];
  return inferTypedValue(value, typeof flag === 'boolean' ? flag : false);
}

function asInfo(valueInfo: unknown): Info | null {
  return typeof valueInfo === 'object' && valueInfo !== null && !Array.isArray(valueInfo)
    ? valueInfo as Info : null;
}

/**
 * REST `VariableValueDto` → TypedValue, following engine-rest's `VariableValueDto.toTypedValue`:
 * no type → inferred ({@link inferTypedValue}); primitive types converted with Jackson's rules;
 * File content from base64 with valueInfo `filename`/`mimeType`/`encoding`; Object/Json/Xml as
 * serialized strings. A `null` DTO reads as an untyped null.
 *
 * Errors: an unknown type is Camunda's `RestException` (400) "Unsupported value type '…'", other
 * input errors are `variableType` (`InvalidRequestException`, 400) with Camunda's messages. REST
 * handlers prefix them per route as Camunda does ("Cannot put process instance variable x: …").
 */
export function typedValueFromDto(dto: VariableValueDto | null | undefined): TypedValue {
  const info = asInfo(dto?.valueInfo);
  if (dto?.type === null || dto?.type === undefined) return untypedFromDto(dto?.value, info);
  const typeText = String(dto.type);
  const type = resolveValueTypeName(typeText);
  if (type === null) {
    throw engineError('restException', `Unsupported value type '${typeText}'`, { status: 400 });
  }
  switch (type) {
    case 'Number': throw engineError('processEngine', 'Cannot serialize value of abstract type number');
    case 'File': return fileFromDto(dto.value, info);
    case 'Object': case 'Json': case 'Xml': return serializableFromDto(type, typeText, dto.value, info);
    default: return primitiveFromDto(type, typeText, dto.value, info);
  }
}

/** `VariableValueDto.toMap`: a REST variables map → typed values (null stays null). */
export function typedValuesFromDtos(
  dtos: Readonly<Record<string, VariableValueDto | null>> | null | undefined,
): Map<string, TypedValue> | null {
  if (!dtos) return null;
  const result = new Map<string, TypedValue>();
  for (const [name, dto] of Object.entries(dtos)) result.set(name, typedValueFromDto(dto));
  return result;
}
