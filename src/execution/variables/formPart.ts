import { engineError } from '../../errors/EngineError.js';
import { INFO_ENCODING, INFO_FILENAME, INFO_MIME_TYPE, INFO_TRANSIENT } from './formats.js';
import { resolveValueTypeName, typedValueFromDto } from './fromDto.js';
import type { TypedValue } from './TypedValue.js';

/** One part of a multipart body, as the REST layer hands it over. */
export interface BinaryFormPart {
  content: Buffer;
  /** The part's `filename` (Content-Disposition); null when absent. */
  filename: string | null;
  /** The part's Content-Type header; null when absent. */
  contentType: string | null;
}

interface MimeType {
  baseType: string;
  parameters: Map<string, string>;
}

const TOKEN = String.raw`[^\s()<>@,;:\\"/\[\]?=]+`;
const BASE = new RegExp(`^\\s*(${TOKEN})\\s*/\\s*(${TOKEN})\\s*$`);
const PARAMETER = new RegExp(`^\\s*(${TOKEN})\\s*=\\s*(${TOKEN}|"(?:[^"\\\\]|\\\\.)*")\\s*$`);

/** `javax.activation.MimeType`: lower-cased `type/subtype` plus `;name=value` parameters. */
function parseMimeType(text: string): MimeType | null {
  const [base = '', ...rest] = text.split(';');
  const match = BASE.exec(base);
  if (!match) return null;
  const parameters = new Map<string, string>();
  for (const raw of rest) {
    if (raw.trim() === '') continue;
    const param = PARAMETER.exec(raw);
    if (!param) return null;
    const value = param[2] ?? '';
    parameters.set((param[1] ?? '').toLowerCase(),
      value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value);
  }
  return { baseType: `${match[1] ?? ''}/${match[2] ?? ''}`.toLowerCase(), parameters };
}

function fileValueInfo(part: BinaryFormPart): Record<string, unknown> {
  const mime = parseMimeType(part.contentType ?? 'application/octet-stream');
  if (!mime) throw engineError('restException', 'Invalid mime type given', { status: 400 });
  const valueInfo: Record<string, unknown> = { [INFO_FILENAME]: part.filename, [INFO_MIME_TYPE]: mime.baseType };
  const encoding = mime.parameters.get(INFO_ENCODING);
  if (encoding !== undefined) valueInfo[INFO_ENCODING] = encoding;
  if (mime.parameters.get(INFO_TRANSIENT)?.toLowerCase() === 'true') valueInfo[INFO_TRANSIENT] = true;
  return valueInfo;
}

/**
 * A binary variable upload (`POST …/variables/{name}/data` with parts `data` and optional
 * `valueType`), as engine-rest's `VariableValueDto.fromFormPart`: the type defaults to Bytes; for
 * File the part's file name becomes `filename`, the Content-Type's base type (default
 * `application/octet-stream`) `mimeType`, and its `encoding` and `transient` parameters are read.
 */
export function typedValueFromFormPart(valueType: string | null | undefined, part: BinaryFormPart): TypedValue {
  const type = valueType ?? 'Bytes';
  const isFile = resolveValueTypeName(type) === 'File';
  return typedValueFromDto({ type, value: part.content, valueInfo: isFile ? fileValueInfo(part) : null });
}
