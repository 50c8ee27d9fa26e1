import { str, type ModdleElement } from '../../moddleAccess.js';
import type { ParseContext, ProblemLocation } from '../ParseContext.js';

/** A script as written in the model: language, inline source and/or external resource. */
export interface ScriptSpec {
  readonly language: string | null;
  readonly source: string | null;
  readonly resource: string | null;
}

/**
 * Camunda's `ScriptUtil.getScript` preconditions: a non-blank language and a source or a
 * resource. Returns Camunda's message for the first one that fails, or null.
 */
export function scriptPrecondition(spec: ScriptSpec): string | null {
  if (spec.language === null) return 'Script language is null';
  if (spec.language.trim() === '') return 'Script language is empty';
  if (spec.source === null && spec.resource === null) return 'No script source or resource was given';
  if (spec.resource !== null && spec.resource !== '') {
    return spec.resource.trim() === '' ? 'Script resource is empty' : null;
  }
  return spec.source === null ? 'Script source is null' : null;
}

/** A checked `camunda:script` element (listener or input/output parameter). */
export interface CamundaScript {
  readonly language: string;
  readonly source: string;
  readonly resource: string | null;
}

/**
 * Reads a `camunda:script` element (Camunda's `BpmnParseUtil.parseCamundaScript`): `scriptFormat`
 * is mandatory, then the `ScriptUtil` preconditions apply. Returns the script, or Camunda's
 * problem message. The language is not checked here.
 */
export function readCamundaScript(script: ModdleElement): CamundaScript | string {
  const language = str(script, 'scriptFormat');
  if (language === null || language === '') return "Missing attribute 'scriptFormat' for 'script' element";
  const source = str(script, 'value') ?? '';
  const resource = str(script, 'resource');
  const failure = scriptPrecondition({ language, source, resource });
  return failure === null ? { language, source, resource } : `Unable to process script: ${failure}`;
}

/**
 * A `camunda:script` of a listener: {@link readCamundaScript} plus m8flow's language check.
 * Errors are recorded at `location` with `ownerId` as main element id; returns null on error.
 */
export function parseCamundaScript(
  ctx: ParseContext,
  script: ModdleElement,
  location: ProblemLocation | null,
  ownerId: string | null,
): CamundaScript | null {
  const read = readCamundaScript(script);
  if (typeof read === 'string') {
    ctx.error(read, location, ownerId);
    return null;
  }
  return ctx.checkScriptLanguage(read.language, location, ownerId) ? read : null;
}
