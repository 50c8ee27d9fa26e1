import { BpmnModdle } from 'bpmn-moddle';
import camundaPackage from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import { isModdleElement, type ModdleElement } from './moddleAccess.js';
import { XmlPositionIndex, type PaddedValue, type XmlPosition } from './xmlPositions.js';

/** Camunda's extension namespace (`camunda:` attributes and extension elements). */
export const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';

/**
 * One bpmn-moddle warning. moddle's multi-line "unparsable content" text is split into `content`
 * (the offending tag), `nested` (the reason) and `start`; `message` is then one line.
 */
export interface ModdleWarning {
  readonly message: string;
  readonly element: ModdleElement | null;
  readonly property: string | null;
  readonly value: string | null;
  /** 1-based start of the offending tag (moddle reports 0-based). */
  readonly start: XmlPosition | null;
  readonly content: string | null;
  readonly nested: string | null;
}

/** What {@link readBpmn} returns: the moddle tree, its warnings and element positions. */
export interface ReadBpmnResult {
  readonly definitions: ModdleElement;
  readonly warnings: readonly ModdleWarning[];
  readonly elementsById: ReadonlyMap<string, ModdleElement>;
  /** Positions of the XML elements, for problem reports (bpmn-moddle keeps none). */
  readonly lines: XmlPositionIndex;
}

/** The XML could not be read as BPMN definitions (not well-formed, wrong root element, empty). */
export class BpmnReadError extends Error {
  constructor(
    message: string,
    readonly position: XmlPosition | null,
    readonly warnings: readonly ModdleWarning[],
  ) {
    super(message);
    this.name = 'BpmnReadError';
  }
}

let shared: BpmnModdle | undefined;

/** A BpmnModdle that knows the camunda extension (camunda-bpmn-moddle); shared, it keeps no parse state. */
export function bpmnModdle(): BpmnModdle {
  shared ??= new BpmnModdle({ camunda: camundaPackage });
  return shared;
}

/** `xmlns:x="http://activiti.org/bpmn"`: the legacy namespace Camunda 7 accepts in place of its own. */
const ACTIVITI_DECLARATION = /(\sxmlns:[A-Za-z_][\w.-]*\s*=\s*["'])http:\/\/activiti\.org\/bpmn(["'])/g;
const UNPARSABLE = /^unparsable content ([\s\S]*?)\s*detected\n\tline: (\d+)\n\tcolumn: (\d+)\n\tnested error: ([\s\S]*)$/;

/**
 * Reads BPMN XML into a moddle tree (bpmn-moddle in lax mode: unknown content becomes warnings)
 * and scans it for element positions. The legacy Activiti namespace is read as Camunda's, as
 * Camunda 7 does. Throws {@link BpmnReadError} when the text is not a BPMN document.
 */
export async function readBpmn(xml: string): Promise<ReadBpmnResult> {
  const lines = XmlPositionIndex.scan(xml);
  const source = unpad(xml, lines.paddedValues).replace(ACTIVITI_DECLARATION, `$1${CAMUNDA_NS}$2`);
  const parsed = await bpmnModdle()
    .fromXML(source)
    .catch((error: unknown) => {
      throw readError(error, lines);
    });
  const warnings = parsed.warnings.map(toWarning);
  if (!isModdleElement(parsed.rootElement)) {
    throw new BpmnReadError('Could not read XML: no BPMN definitions found', null, warnings);
  }
  const elementsById = new Map<string, ModdleElement>();
  for (const [id, element] of Object.entries(parsed.elementsById)) {
    if (isModdleElement(element)) elementsById.set(id, element);
  }
  return { definitions: parsed.rootElement, warnings, elementsById, lines };
}

/**
 * Moves the whitespace around ID/IDREF values outside their quotes (`id="a "` → `id="a" `): XML
 * Schema collapses it, as Camunda's validating parser does, while moddle would drop the element.
 * The text keeps its length, so every position stays valid.
 */
function unpad(xml: string, padded: readonly PaddedValue[]): string {
  let result = '';
  let done = 0;
  for (const { start, end } of padded) {
    const value = xml.slice(start, end);
    const padding = value.match(/^\s*/)?.[0] ?? '';
    const trimmed = value.trim();
    result += xml.slice(done, start) + trimmed + xml.charAt(end) + padding + value.slice(padding.length + trimmed.length);
    done = end + 1;
  }
  return result + xml.slice(done);
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Splits moddle's multi-line "unparsable content" text into its parts. */
function parseUnparsable(message: string): { content: string; start: XmlPosition; nested: string } | null {
  const match = UNPARSABLE.exec(message);
  if (!match) return null;
  const [, content = '', line = '0', column = '0', nested = ''] = match;
  return { content, start: { line: Number(line) + 1, column: Number(column) + 1 }, nested };
}

function toWarning(raw: unknown): ModdleWarning {
  const message = text(field(raw, 'message')) ?? String(raw);
  const element = field(raw, 'element');
  const unparsable = parseUnparsable(message);
  return {
    message: unparsable === null ? message : `unparsable content ${unparsable.content} detected: ${unparsable.nested}`,
    element: isModdleElement(element) ? element : null,
    property: text(field(raw, 'property')),
    value: text(field(raw, 'value')),
    start: unparsable?.start ?? null,
    content: unparsable?.content ?? null,
    nested: unparsable?.nested ?? null,
  };
}

/** Turns moddle's rejection into a {@link BpmnReadError} with a Camunda-like message and position. */
function readError(error: unknown, lines: XmlPositionIndex): BpmnReadError {
  const rawWarnings = field(error, 'warnings');
  const warnings = Array.isArray(rawWarnings) ? rawWarnings.map(toWarning) : [];
  const message = error instanceof Error ? error.message : String(error);
  const root = lines.root;
  if (message.startsWith('failed to parse document as') && root !== undefined) {
    // Camunda validates against the BPMN XSD, which rejects an unknown document element this way.
    return new BpmnReadError(`cvc-elt.1.a: Cannot find the declaration of element '${root.rawName}'.`, root.end, warnings);
  }
  const unparsable = parseUnparsable(message);
  if (unparsable === null) return new BpmnReadError(`Could not read XML: ${message}`, null, warnings);
  const at = unparsable.content === '' ? '' : ` at ${unparsable.content}`;
  return new BpmnReadError(`Could not read XML: ${unparsable.nested}${at}`, unparsable.start, warnings);
}
