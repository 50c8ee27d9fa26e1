import type { Request } from 'express';
import { restError } from '../../errors.js';

/**
 * One part of a multipart body as engine-rest's `MultipartFormData.FormPart` sees it. m8flow parses
 * the body itself rather than with multer, because Camunda reads the parameters of the data part's
 * Content-Type (`encoding`, `transient`) and the Content-Type of text parts, which multer drops.
 */
export interface FormPart {
  content: Buffer;
  /** The part's Content-Type header as sent (with parameters); null when absent. */
  contentType: string | null;
  /** The part's file name (Content-Disposition `filename`, trimmed); null when absent. */
  filename: string | null;
  /** Camunda's `getTextContent()`: set only when the Content-Type is absent or contains text/plain. */
  text: string | null;
}

const MAX_BODY = 50 * 1024 * 1024;
const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** MultipartPayloadProvider: whatever cannot be parsed is a 400 RestException with this message. */
function unprocessable(): Error {
  return restError(400, 'multipart/form-data cannot be processed', 'RestException');
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `name=value` parameters after the first `;` (commons-fileupload's ParameterParser, names lower-cased). */
export function headerParameters(header: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const match of header.matchAll(pattern)) {
    const name = (match[1] ?? '').toLowerCase();
    let value = (match[2] ?? '').trim();
    if (value.startsWith('"')) value = value.slice(1, -1).replace(/\\(["\\])/g, '$1');
    if (name.endsWith('*')) {
      // RFC 2231 / 5987: charset'language'percent-encoded
      const encoded = /^[^']*'[^']*'(.*)$/.exec(value);
      params.set(name.slice(0, -1), percentDecoded(encoded?.[1] ?? value));
    } else if (!params.has(name)) {
      params.set(name, value);
    }
  }
  return params;
}

function readBody(req: Request): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(unprocessable());
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => reject(unprocessable()));
  });
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function toPart(headerBlock: Buffer, content: Buffer): [string, FormPart] | null {
  // commons-fileupload decodes part headers with the platform charset (UTF-8).
  const headers = parseHeaders(headerBlock.toString('utf8'));
  const disposition = headers.get('content-disposition');
  if (!disposition?.toLowerCase().startsWith('form-data')) return null;
  const params = headerParameters(disposition);
  const name = params.get('name');
  if (name === undefined) return null;
  const contentType = headers.get('content-type') ?? null;
  const isText = contentType === null || contentType.includes('text/plain');
  const filename = params.get('filename');
  return [name, { content, contentType, filename: filename === undefined ? null : filename.trim(), text: isText ? content.toString('utf8') : null }];
}

/** Splits a multipart body at its boundary; the last part of a name wins (Camunda's HashMap). */
export function parseMultipart(body: Buffer, boundary: string): Map<string, FormPart> {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts = new Map<string, FormPart>();
  let position = body.indexOf(delimiter);
  if (position < 0) throw unprocessable();
  for (;;) {
    position += delimiter.length;
    if (body.subarray(position, position + 2).toString() === '--') return parts;
    if (!body.subarray(position, position + 2).equals(CRLF)) throw unprocessable();
    const headerEnd = body.indexOf(HEADER_END, position + 2);
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), position + 2);
    if (next < 0) throw unprocessable();
    const headerBlock = headerEnd >= 0 && headerEnd < next ? body.subarray(position + 2, headerEnd) : body.subarray(position + 2, next);
    const content = headerEnd >= 0 && headerEnd < next ? body.subarray(headerEnd + 4, next) : Buffer.alloc(0);
    const part = toPart(headerBlock, Buffer.from(content));
    if (part) parts.set(part[0], part[1]);
    position = next + CRLF.length;
  }
}

/**
 * Reads a `multipart/form-data` body into named parts. Another content type is JAX-RS's 415 for a
 * `@Consumes(MULTIPART_FORM_DATA)` resource; an unparsable body a 400.
 */
export async function readFormParts(req: Request): Promise<Map<string, FormPart>> {
  if (!req.is('multipart/form-data')) throw restError(415, 'HTTP 415 Unsupported Media Type', 'NotSupportedException');
  const boundary = headerParameters(req.headers['content-type'] ?? '').get('boundary');
  if (!boundary) throw unprocessable();
  return parseMultipart(await readBody(req), boundary);
}
