import type { ParseProblem } from '../../errors/EngineError.js';
import type { ParsedBpmnResource, ProcessGraph } from '../graph/ProcessGraph.js';
import { BpmnReadError, readBpmn, type ModdleWarning, type ReadBpmnResult } from '../moddle.js';
import { children, str } from '../moddleAccess.js';
import { reportModdleWarnings } from './moddleWarnings.js';
import { ParseContext, type ParseOptions } from './ParseContext.js';
import { parseException } from './problems.js';
import { isExecutableProcess, parseProcess } from './parseProcess.js';

function warningProblem(warning: ModdleWarning): ParseProblem {
  return { message: warning.message, line: warning.start?.line ?? 0, column: warning.start?.column ?? 0, mainElementId: null, elementIds: [] };
}

/** A document that is not BPMN at all becomes Camunda's ParseException with one positioned error. */
async function read(resourceName: string, xml: string): Promise<ReadBpmnResult> {
  try {
    return await readBpmn(xml);
  } catch (error: unknown) {
    if (!(error instanceof BpmnReadError)) throw error;
    const problem: ParseProblem = {
      message: error.message,
      line: error.position?.line ?? 0,
      column: error.position?.column ?? 0,
      mainElementId: null,
      elementIds: [],
    };
    throw parseException(resourceName, { errors: [problem], warnings: error.warnings.map(warningProblem) });
  }
}

/**
 * Parses one BPMN resource into the graphs of its executable processes (Camunda's `BpmnParse`).
 * Non-executable processes are skipped, as Camunda does. Every problem is collected first; if
 * any is an error, throws Camunda's ParseException (`ENGINE-09005 Could not parse BPMN process.
 * Errors: …`, per-resource report in `details`). Elements m8flow cannot execute yet are errors
 * with an `M8-0900x` code, never skipped silently. Warnings are returned with the result.
 */
export async function parseBpmn(resourceName: string, xml: string, options: ParseOptions = {}): Promise<ParsedBpmnResource> {
  const document = await read(resourceName, xml);
  const ctx = new ParseContext(resourceName, document, options);
  reportModdleWarnings(ctx, document.warnings);
  const processes: ProcessGraph[] = [];
  for (const root of children(document.definitions, 'rootElements')) {
    if (root.$type === 'bpmn:Process' && isExecutableProcess(ctx, root)) processes.push(parseProcess(ctx, root));
  }
  ctx.throwIfErrors();
  return Object.freeze({
    resourceName,
    targetNamespace: str(document.definitions, 'targetNamespace'),
    processes: Object.freeze(processes),
    warnings: Object.freeze([...ctx.warnings]),
  });
}
