import { readFileSync } from 'node:fs';
import { parseBpmn } from './src/model/parse/BpmnParser.js';
const f = process.argv[2]!;
try {
const r = await parseBpmn('x.bpmn', readFileSync(f, 'utf8'));
console.log(JSON.stringify(r, (k, v) => v instanceof Map ? Object.fromEntries(v) : v, 1).replace(/\n\s*/g, ' ').slice(0, 6000));
} catch (e: any) { console.log(e.message); console.log(JSON.stringify(e.details)); }
