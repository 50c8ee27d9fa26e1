import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { EngineError, type ParseProblem, type ResourceReport } from '../../../src/errors/EngineError.js';
import type { ActivityNode, ParsedBpmnResource, ProcessGraph } from '../../../src/model/graph/ProcessGraph.js';
import { parseBpmn } from '../../../src/model/parse/BpmnParser.js';
import type { ParseOptions } from '../../../src/model/parse/ParseContext.js';

/** Text of the fixture `<name>.bpmn` beside the tests. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./${name}.bpmn`, import.meta.url), 'utf8');
}

/** Parses the fixture `<name>.bpmn` (resource name = file name). */
export function parseFixture(name: string, options?: ParseOptions): Promise<ParsedBpmnResource> {
  return parseBpmn(`${name}.bpmn`, fixture(name), { checkRuntimeSupport: false, ...options });
}

/** The single process of a fixture. */
export async function processOf(name: string): Promise<ProcessGraph> {
  const { processes } = await parseFixture(name);
  expect(processes).toHaveLength(1);
  return processes[0] as ProcessGraph;
}

/** One activity of a parsed process (fails the test when absent). */
export function activity(process: ProcessGraph, id: string): ActivityNode {
  const node = process.activities.get(id);
  expect(node, `activity ${id}`).toBeDefined();
  return node as ActivityNode;
}

/** The ParseException that parsing `xml` throws, with its single resource report. */
export async function parseFailure(
  resourceName: string,
  xml: string,
  options?: ParseOptions,
): Promise<{ error: EngineError; report: ResourceReport; errors: ParseProblem[] }> {
  const error: unknown = await parseBpmn(resourceName, xml, { checkRuntimeSupport: false, ...options }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EngineError);
  const engineError = error as EngineError;
  expect(engineError.type).toBe('ParseException');
  const report = engineError.details?.[resourceName];
  expect(report).toBeDefined();
  return { error: engineError, report: report as ResourceReport, errors: (report as ResourceReport).errors };
}

/** The ParseException of a fixture. */
export function fixtureFailure(name: string): ReturnType<typeof parseFailure> {
  return parseFailure(`${name}.bpmn`, fixture(name));
}

/** Messages of a problem list, for compact assertions. */
export function messages(problems: readonly ParseProblem[]): string[] {
  return problems.map((p) => p.message);
}
