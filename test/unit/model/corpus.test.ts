import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEngineError } from '../../../src/errors/EngineError.js';
import type { ParsedBpmnResource } from '../../../src/model/graph/ProcessGraph.js';
import { readBpmn } from '../../../src/model/moddle.js';
import { bool, children, idOf } from '../../../src/model/moddleAccess.js';
import { parseBpmn } from '../../../src/model/parse/BpmnParser.js';
import { IGNORED_FLOW_ELEMENTS } from '../../../src/model/parse/elements/index.js';
import { isUnsupportedProblem } from '../../../src/model/parse/problems.js';

/**
 * Every BPMN model of the shared corpus (BPMN MIWG reference models, their Camunda Modeler
 * exports, and Camunda 7's own test models) either parses — with every flow element of every
 * executable process in the graph — or fails with a ParseException. A failure may only list
 * "not supported yet" problems, except for the models below, which Camunda 7 rejects too.
 */
/** The shared corpus beside the repository (`../shared`), or where M8FLOW_SHARED_DIR points. */
const CORPUS = join(process.env['M8FLOW_SHARED_DIR'] ?? join(__dirname, '..', '..', '..', '..', 'shared'), 'corpus');
const ROOTS = ['miwg/Reference', 'miwg/camunda-modeler-18.6.1', 'camunda'];

/** Models that fail with Camunda's own parse errors (Camunda 7 does not deploy them either). */
const CAMUNDA_REJECTS: Readonly<Record<string, string>> = {
  'miwg/Reference/C.3.0.bpmn': 'exclusive gateway with two unconditional flows and no default',
  'miwg/Reference/C.8.1.bpmn': 'service tasks without implementation',
  'miwg/Reference/C.9.0.bpmn': 'service tasks without implementation',
  'miwg/camunda-modeler-18.6.1/B.1.0-export.bpmn': 'service task without implementation',
  'miwg/camunda-modeler-18.6.1/B.2.0-export.bpmn': 'service task without implementation',
  'miwg/camunda-modeler-18.6.1/C.1.1-export.bpmn': 'service task without implementation; gateways without conditions',
  'miwg/camunda-modeler-18.6.1/C.3.0-export.bpmn': 'exclusive gateways without conditions',
  'miwg/camunda-modeler-18.6.1/C.5.0-export.bpmn': 'exclusive gateways without conditions',
  'miwg/camunda-modeler-18.6.1/C.6.0-export.bpmn': 'service tasks without implementation',
  'miwg/camunda-modeler-18.6.1/C.7.0-export.bpmn': 'service task without implementation; gateway without conditions',
  'miwg/camunda-modeler-18.6.1/C.9.0-export.bpmn': 'service tasks without implementation',
  'camunda/parse-and-definition/BpmnParseTest.testInvalidProcessDefinition.bpmn20.xml': 'schema-invalid attribute (cvc-complex-type.3.2.2)',
  'camunda/parse-and-definition/BpmnParseTest.testMultipleTimerStartEvents.bpmn20.xml': 'multiple none start events',
  'camunda/parse-and-definition/BpmnParseTest.testParseProcessDefinitionMalformedStringTtl.bpmn20.xml': 'malformed historyTimeToLive',
};

/** Fewest models expected to parse; raise it when support grows, a drop is a regression. */
const MIN_PARSED = 65;

type Outcome = 'parsed' | 'unsupported' | 'camundaError';

function bpmnFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return bpmnFiles(path);
      return /\.bpmn$|\.bpmn20\.xml$/.test(name) ? [path] : [];
    });
}

/** Every flow element of every executable process is a node or flow of the graph, or a data element. */
async function expectNothingSkipped(xml: string, parsed: ParsedBpmnResource): Promise<void> {
  const { definitions } = await readBpmn(xml);
  const executable = children(definitions, 'rootElements').filter((r) => r.$type === 'bpmn:Process' && bool(r, 'isExecutable') === true);
  expect(parsed.processes.map((p) => p.key)).toEqual(executable.map((p) => idOf(p)));
  executable.forEach((process, index) => {
    const graph = parsed.processes[index];
    const executed = children(process, 'flowElements').filter((element) => !IGNORED_FLOW_ELEMENTS.has(element.$type));
    for (const element of executed) {
      const id = idOf(element);
      if (id === null) continue; // flows without id get a made-up one; the count below covers them
      expect(graph?.activities.has(id) === true || graph?.flows.has(id) === true, `${element.$type} ${id} is in the graph`).toBe(true);
    }
    expect((graph?.activities.size ?? 0) + (graph?.flows.size ?? 0)).toBe(executed.length);
  });
}

const present = existsSync(CORPUS);
if (!present) console.warn(`corpus.test.ts skipped: ${CORPUS} is absent (a clone without ../shared; set M8FLOW_SHARED_DIR to run it)`);

describe.skipIf(!present)(present ? 'BPMN corpus' : `BPMN corpus — skipped, ${CORPUS} is absent`, () => {
  const files = present ? ROOTS.flatMap((root) => bpmnFiles(join(CORPUS, root))) : [];
  const outcomes = new Map<string, Outcome>();

  it.each(files.map((file) => [relative(CORPUS, file), file]))('%s parses or names what is unsupported', async (name, file) => {
    const xml = readFileSync(file, 'utf8');
    const result: unknown = await parseBpmn(name, xml).catch((error: unknown) => error);
    if (!isEngineError(result)) {
      await expectNothingSkipped(xml, result as ParsedBpmnResource);
      outcomes.set(name, 'parsed');
      return;
    }
    expect(result.type, result.message).toBe('ParseException');
    const errors = result.details?.[name]?.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    const camundaErrors = errors.filter((problem) => !isUnsupportedProblem(problem.message));
    if (name in CAMUNDA_REJECTS) {
      expect(camundaErrors.length, `${name} should fail with Camunda's own error`).toBeGreaterThan(0);
      outcomes.set(name, 'camundaError');
    } else {
      expect(camundaErrors.map((p) => p.message)).toEqual([]);
      outcomes.set(name, 'unsupported');
    }
  });

  it('counts the outcomes', () => {
    const count = (outcome: Outcome): number => [...outcomes.values()].filter((o) => o === outcome).length;
    const summary = { files: files.length, parsed: count('parsed'), unsupported: count('unsupported'), camundaError: count('camundaError') };
    console.info(`BPMN corpus: ${JSON.stringify(summary)}`);
    expect(outcomes.size).toBe(files.length);
    expect(files.length).toBeGreaterThanOrEqual(282);
    expect(summary.parsed).toBeGreaterThanOrEqual(MIN_PARSED);
    expect(summary.camundaError).toBe(Object.keys(CAMUNDA_REJECTS).length);
  });
});
