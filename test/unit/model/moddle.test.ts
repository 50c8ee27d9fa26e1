import { describe, expect, it } from 'vitest';
import { BpmnReadError, readBpmn } from '../../../src/model/moddle.js';
import { children, str } from '../../../src/model/moddleAccess.js';
import { fixture } from './parseFixture.js';

describe('readBpmn', () => {
  it('returns the moddle definitions with the camunda extension, elements by id and positions', async () => {
    const { definitions, elementsById, lines, warnings } = await readBpmn(fixture('BpmnParser.processAttributes'));
    expect(definitions.$type).toBe('bpmn:Definitions');
    const [process] = children(definitions, 'rootElements');
    expect(process && str(process, 'camunda:versionTag')).toBe('v1.2');
    expect(elementsById.get('start')?.$type).toBe('bpmn:StartEvent');
    expect(lines.byId('start')?.start.line).toBe(14);
    expect(warnings).toEqual([]);
  });

  it('turns unparsable content into one-line warnings with the tag position', async () => {
    const xml = fixture('BpmnParser.minimal').replace('<bpmn:endEvent id="end">', '<bpmn:endEvent id="end"><bpmn:madeUp />');
    const { warnings } = await readBpmn(xml);
    expect(warnings).toMatchObject([
      { message: 'unparsable content <bpmn:madeUp> detected: unknown type <bpmn:MadeUp>', content: '<bpmn:madeUp>', start: { line: 13 } },
    ]);
  });

  it('rejects text that is not a BPMN document with a BpmnReadError', async () => {
    await expect(readBpmn('<definitions>')).rejects.toBeInstanceOf(BpmnReadError);
    await expect(readBpmn('not xml')).rejects.toMatchObject({ message: 'Could not read XML: missing start tag at not xml' });
  });
});
