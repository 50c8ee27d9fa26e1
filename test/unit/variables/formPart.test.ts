import { describe, expect, it } from 'vitest';
import { typedValueFromFormPart } from '../../../src/execution/variables/formPart.js';
import { errorOf } from './errorOf.js';

const content = Buffer.from('hello');

describe('binary variable uploads', () => {
  it('are Bytes unless a valueType says otherwise', () => {
    expect(typedValueFromFormPart(undefined, { content, filename: 'x', contentType: 'text/plain' }))
      .toEqual({ type: 'Bytes', value: content, valueInfo: {}, transient: false });
  });

  it('read a File\'s name, base mime type and encoding from the part', () => {
    expect(typedValueFromFormPart('File', { content, filename: 'a.txt', contentType: 'Text/Plain; encoding=UTF-8; charset="x"' }))
      .toEqual({ type: 'File', value: content, valueInfo: { filename: 'a.txt', mimeType: 'text/plain', encoding: 'UTF-8' }, transient: false });
  });

  it('default a File\'s mime type to application/octet-stream', () => {
    expect(typedValueFromFormPart('file', { content, filename: 'a.bin', contentType: null }).valueInfo)
      .toEqual({ filename: 'a.bin', mimeType: 'application/octet-stream' });
  });

  it('take a transient=true parameter', () => {
    expect(typedValueFromFormPart('File', { content, filename: 'a', contentType: 'text/plain; transient=TRUE' }).transient).toBe(true);
  });

  it('reject an invalid mime type', () => {
    const error = errorOf(() => typedValueFromFormPart('File', { content, filename: 'a', contentType: 'garbage' }));
    expect(error.type).toBe('RestException');
    expect(error.status).toBe(400);
    expect(error.message).toBe('Invalid mime type given');
  });

  it('reject a File part without file name', () => {
    expect(errorOf(() => typedValueFromFormPart('File', { content, filename: null, contentType: null })).message)
      .toBe('Cannot create file without filename! Please set a name into ValueInfo with key filename');
  });
});
