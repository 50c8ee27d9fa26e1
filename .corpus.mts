import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parseBpmn } from '/work/main/src/model/parse/BpmnParser.js';
import { isUnsupportedProblem } from '/work/main/src/model/parse/problems.js';
function walk(d: string): string[] { return readdirSync(d).flatMap((f) => { const p = join(d, f); return statSync(p).isDirectory() ? walk(p) : /\.bpmn(20\.xml)?$|\.bpmn2?$/.test(f) ? [p] : []; }); }
const files = [...walk('/work/shared/corpus/miwg'), ...walk('/work/shared/corpus/camunda')];
let ok = 0, unsup = 0, other = 0, crash = 0;
const verbose = process.argv[2];
for (const f of files) {
  try { const r = await parseBpmn(basename(f), readFileSync(f, 'utf8')); ok++; if (verbose==='ok') console.log('OK', f, r.processes.length, r.warnings?.length); }
  catch (e: any) {
    if (e?.type !== 'ParseException') { crash++; console.log('CRASH', f, e?.stack); continue; }
    const errs = e.details[basename(f)].errors;
    const nonU = errs.filter((p: any) => !isUnsupportedProblem(p.message));
    if (nonU.length === 0) { unsup++; if (verbose==='u') console.log('UNSUP', f, errs.map((p:any)=>p.message).join(' || ')); }
    else { other++; if (verbose!=='ok' && verbose !== 'u') console.log('OTHER', f, '\n   ', nonU.map((p: any) => `${p.message} @${p.line}:${p.column} [${p.elementIds}]`).join('\n    ')); }
  }
}
console.log({ files: files.length, ok, unsup, other, crash });
