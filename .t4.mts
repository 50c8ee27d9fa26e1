import { parseBpmn } from './src/model/parse/BpmnParser.js';
const H = `<?xml version="1.0" encoding="UTF-8"?>\n<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">`;
const cases: Record<string,string> = {
 malformed: `${H}\n <process id="p" isExecutable="true">\n  <startEvent id="s"></endEvent>\n </process>\n</definitions>`,
 wrongRoot: `<?xml version="1.0"?>\n<foo:bar xmlns:foo="urn:x"/>`,
 empty: ``,
 dup: `${H}\n <process id="p" isExecutable="true">\n  <startEvent id="s"/>\n  <endEvent id="s"/>\n </process>\n</definitions>`,
 nostart: `${H}\n <process id="p" isExecutable="true">\n  <endEvent id="e"/>\n </process>\n</definitions>`,
 badflow: `${H}\n <process id="p" isExecutable="true">\n  <startEvent id="s"/>\n  <sequenceFlow id="f" sourceRef="s" targetRef="nope"/>\n  <sequenceFlow id="f2" targetRef="s"/>\n </process>\n</definitions>`,
 gw: `${H}\n <process id="p" isExecutable="true">\n  <startEvent id="s"/><exclusiveGateway id="g" default="f2"/>\n  <sequenceFlow id="f1" sourceRef="s" targetRef="g"/>\n <sequenceFlow id="f2" sourceRef="g" targetRef="e"><conditionExpression>\${x}</conditionExpression></sequenceFlow><sequenceFlow id="f3" sourceRef="g" targetRef="e"/><endEvent id="e"/>\n </process>\n</definitions>`,
 unknownBpmn: `${H}\n <process id="p" isExecutable="true">\n  <startEvent id="s"/><fooTask id="x"/>\n </process>\n</definitions>`,
};
for (const [k, x] of Object.entries(cases)) {
  try { const r = await parseBpmn(`${k}.bpmn`, x); console.log(k, 'OK', r.processes.length, JSON.stringify(r.warnings)); }
  catch (e: any) { console.log(k, e.type, JSON.stringify(e.message), JSON.stringify(e.details)); }
}
