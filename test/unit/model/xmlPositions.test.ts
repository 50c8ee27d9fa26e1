import { describe, expect, it } from 'vitest';
import { XmlPositionIndex } from '../../../src/model/xmlPositions.js';

const XML = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE x [ <!ENTITY e "<fake id=\'no\'/>"> ]>',
  '<b:definitions xmlns:b="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:c="http://camunda.org/schema/1.0/bpmn">',
  '  <!-- <b:task id="commented"/> -->',
  '  <b:process id="p" name="a > b">',
  '    <b:userTask id="t"><b:extensionElements><c:executionListener event="start"/><c:executionListener event="end"/></b:extensionElements></b:userTask>',
  '    <b:scriptTask id="s"><b:script><![CDATA[ if (a < b) { x = "<b:task id=\'cdata\'/>"; } ]]></b:script></b:scriptTask>',
  '  </b:process>',
  '</b:definitions>',
].join('\r\n');

describe('XML position index', () => {
  const index = XmlPositionIndex.scan(XML);

  it('reports the position just after each start tag, 1-based, as a SAX locator does', () => {
    const line = '  <b:process id="p" name="a > b">';
    expect(index.byId('p')).toMatchObject({ name: 'bpmn:process', rawName: 'b:process', start: { line: 5, column: 3 }, end: { line: 5, column: line.length + 1 } });
  });

  it('ignores tags inside comments, CDATA sections and the document type declaration', () => {
    expect(index.byId('commented')).toBeUndefined();
    expect(index.byId('cdata')).toBeUndefined();
    expect(index.byId('no')).toBeUndefined();
    expect(index.root).toMatchObject({ name: 'bpmn:definitions', start: { line: 3, column: 1 } });
  });

  it('finds id-less elements by their nearest owner with an id, with namespace-normalised names', () => {
    expect(index.nth('t', 'camunda:executionListener', 1)?.start.column).toBe(XML.split('\r\n')[5]?.indexOf('<c:executionListener event="end"') as number + 1);
    expect(index.nth('s', 'bpmn:script', 0)?.ownerId).toBe('s');
    expect(index.nth('t', 'camunda:executionListener', 2)).toBeUndefined();
  });

  it('lists every element carrying a duplicated id', () => {
    const twice = XmlPositionIndex.scan('<a id="x"><b id="x"/></a>');
    expect(twice.allWithId('x').map((e) => e.name)).toEqual(['a', 'b']);
    expect(twice.startingAt({ line: 1, column: 11 })?.name).toBe('b');
  });

  it('never throws on broken input', () => {
    expect(XmlPositionIndex.scan('<a id="x"><b id=').elements.map((e) => e.id)).toEqual(['x']);
    expect(XmlPositionIndex.scan('').root).toBeUndefined();
  });
});
