import { INFO_ENCODING, INFO_FILENAME, INFO_MIME_TYPE } from '../../../api.js';
import type { TypedValue } from '../../../api.js';
import { restError } from '../../errors.js';
import type { Reply } from '../../reply.js';

const OCTET_STREAM = 'application/octet-stream';

/** `java.net.URLEncoder` (UTF-8) with `+` turned into `%20`, as engine-rest's URLEncodingUtil. */
function javaUrlEncode(text: string): string {
  let result = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    result += /[A-Za-z0-9.\-*_]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return result;
}

/**
 * engine-rest's `buildAttachmentValue`: `attachment; filename="…"; filename*=UTF-8''…`. Non-ASCII
 * characters become `?` in the quoted name (Node writes header text as UTF-8, where a servlet
 * container writes ISO-8859-1); the exact name is in `filename*`.
 */
export function attachmentHeader(filename: string | null): string {
  const name = filename ?? 'null';
  const quoted = name.replace(/[^\x20-\x7e]/g, '?');
  return `attachment; filename="${quoted}"; filename*=UTF-8''${filename === null ? 'null' : javaUrlEncode(name)}`;
}

function bufferOf(value: unknown): Buffer {
  return value instanceof Uint8Array ? Buffer.from(value) : Buffer.alloc(0);
}

function fileReply(value: TypedValue): Reply {
  const info = value.valueInfo;
  const mimeType = typeof info[INFO_MIME_TYPE] === 'string' ? info[INFO_MIME_TYPE] : OCTET_STREAM;
  const encoding = info[INFO_ENCODING];
  const filename = info[INFO_FILENAME];
  return {
    status: 200, raw: bufferOf(value.value),
    contentType: typeof encoding === 'string' ? `${mimeType}; charset=${encoding}` : mimeType,
    headers: { 'Content-Disposition': attachmentHeader(typeof filename === 'string' ? filename : null) },
  };
}

/**
 * engine-rest's `VariableResponseProvider`: Bytes → the bytes as `application/octet-stream`; File →
 * its content with the mime type (default octet-stream; `; charset=` the encoding, as the Java code
 * writes it; servlet containers differ in the space) and an attachment
 * Content-Disposition; any other type → 400 "Value of variable with id … is not a binary value."
 * (`id` is the resource id the route was called with, as in Camunda).
 */
export function binaryReply(value: TypedValue, id: string): Reply {
  if (value.type === 'Bytes') return { status: 200, raw: bufferOf(value.value), contentType: OCTET_STREAM };
  if (value.type === 'File') return fileReply(value);
  throw restError(400, `Value of variable with id ${id} is not a binary value.`, 'InvalidRequestException');
}
