import type { IoParameter, ParameterValue } from '../../graph/ProcessGraph.js';
import { child, children, extensionsOfType, str, tagName, type ModdleElement } from '../../moddleAccess.js';
import type { ParseContext, ProblemLocation } from '../ParseContext.js';
import { readCamundaScript } from './scripts.js';

/** Parsed `camunda:inputOutput`. */
export interface IoMapping {
  readonly inputs: IoParameter[];
  readonly outputs: IoParameter[];
}

/** Camunda aborts the whole mapping on its first problem (a BpmnParseException); so do we. */
class IoProblem extends Error {
  constructor(message: string, readonly location: ProblemLocation | null) {
    super(message);
  }
}

interface IoScope {
  readonly ctx: ParseContext;
  readonly ownerId: string | null;
  readonly location: ProblemLocation | null;
}

/**
 * A parameter value (Camunda's `parseParamValueProvider`): `camunda:list`, `camunda:map`,
 * `camunda:script`, or text (an expression or literal; blank text means null).
 */
function parseDefinition(scope: IoScope, definition: ModdleElement): ParameterValue {
  switch (definition.$type) {
    case 'camunda:List':
      return { kind: 'list', items: children(definition, 'items').map((item) => parseDefinition(scope, item)) };
    case 'camunda:Map':
      return { kind: 'map', entries: children(definition, 'entries').map((entry) => parseEntry(scope, entry)) };
    case 'camunda:Script': {
      const script = readCamundaScript(definition);
      if (typeof script === 'string') throw new IoProblem(script, scope.location);
      scope.ctx.checkScriptLanguage(script.language, scope.location, scope.ownerId);
      return { kind: 'script', language: script.language, source: script.source, resource: script.resource };
    }
    default:
      return textValue(str(definition, 'value'));
  }
}

function textValue(text: string | null): ParameterValue {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? { kind: 'null' } : { kind: 'text', text: trimmed };
}

/** A nested value: a child definition if present, otherwise the element's own text. */
function parseNested(scope: IoScope, element: ModdleElement): ParameterValue {
  const definition = child(element, 'definition');
  return definition === null ? textValue(str(element, 'value')) : parseDefinition(scope, definition);
}

function parseEntry(scope: IoScope, entry: ModdleElement): { key: string; value: ParameterValue } {
  const key = str(entry, 'key');
  if (key === null || key === '') throw new IoProblem("Missing attribute 'key' for 'entry' element", scope.location);
  return { key, value: parseNested(scope, entry) };
}

function parseParameters(ctx: ParseContext, io: ModdleElement, ownerId: string | null, kind: 'input' | 'output'): IoParameter[] {
  const tag = `${kind}Parameter`;
  return children(io, `${kind}Parameters`).map((parameter, index) => {
    const scope: IoScope = { ctx, ownerId, location: ctx.within(ownerId, `camunda:${tag}`, index) };
    const name = str(parameter, 'name');
    if (name === null || name === '') throw new IoProblem(`Missing attribute 'name' for ${tag}`, scope.location);
    return { name, value: parseNested(scope, parameter) };
  });
}

/**
 * `camunda:inputOutput` of an element (Camunda's `BpmnParseUtil.parseInputOutput`); null when
 * absent or when a problem was recorded.
 */
export function parseInputOutput(ctx: ParseContext, element: ModdleElement, ownerId: string | null): IoMapping | null {
  const [io] = extensionsOfType(element, 'camunda:InputOutput');
  if (io === undefined) return null;
  try {
    return { inputs: parseParameters(ctx, io, ownerId, 'input'), outputs: parseParameters(ctx, io, ownerId, 'output') };
  } catch (error: unknown) {
    if (!(error instanceof IoProblem)) throw error;
    ctx.error(error.message, error.location, ownerId);
    return null;
  }
}

/**
 * Camunda's `checkActivityInputOutputSupported`: mappings only on tasks, events, sub-processes,
 * transactions and call activities; no output parameters on end events. Returns the mapping to
 * keep (empty when rejected).
 */
export function checkInputOutputAllowed(ctx: ParseContext, element: ModdleElement, mapping: IoMapping | null): IoMapping {
  const empty: IoMapping = { inputs: [], outputs: [] };
  if (mapping === null) return empty;
  const tag = tagName(element.$type);
  const allowed = tag.toLowerCase().includes('task') || tag.includes('Event') || ['transaction', 'subProcess', 'callActivity'].includes(tag);
  if (!allowed || tag === 'startEvent') {
    ctx.error(`camunda:inputOutput mapping unsupported for element type '${tag}'.`, ctx.at(element));
    return empty;
  }
  if (tag === 'endEvent' && mapping.outputs.length > 0) {
    ctx.error(`camunda:outputParameter not allowed for element type '${tag}'.`, ctx.at(element));
  }
  return mapping;
}
