import type { ModdleWarning } from '../moddle.js';
import { idOf, tagName } from '../moddleAccess.js';
import type { ParseContext, ProblemLocation } from './ParseContext.js';

const UNKNOWN_ATTRIBUTE = /^unknown attribute <([^>]+)>$/;
const DUPLICATE_ID = /^duplicate ID <([^>]+)>$/;
/** Nested moddle errors about content in the BPMN model namespace (unknown or misplaced elements). */
const BPMN_CONTENT = /<bpmn:[^>]*>/;

function startLocation(ctx: ParseContext, warning: ModdleWarning): ProblemLocation | null {
  if (warning.start === null) return null;
  const scanned = ctx.document.lines.startingAt(warning.start);
  const position = scanned?.end ?? warning.start;
  return { line: position.line, column: position.column, id: null };
}

function elementLocation(ctx: ParseContext, warning: ModdleWarning): ProblemLocation | null {
  return warning.element === null ? startLocation(ctx, warning) : ctx.at(warning.element);
}

/**
 * An unprefixed attribute the BPMN schema does not define. Camunda validates against the BPMN
 * XSD, which only admits foreign attributes from other namespaces, so this is Xerces' error.
 */
function unknownBpmnAttribute(ctx: ParseContext, warning: ModdleWarning): boolean {
  const attribute = UNKNOWN_ATTRIBUTE.exec(warning.message)?.[1];
  const element = warning.element;
  if (attribute === undefined || attribute.includes(':') || element === null || !element.$type.startsWith('bpmn:')) {
    return false;
  }
  const id = idOf(element);
  const rawName = (id === null ? undefined : ctx.document.lines.byId(id)?.rawName) ?? tagName(element.$type);
  const location = ctx.at(element);
  ctx.error(
    `cvc-complex-type.3.2.2: Attribute '${attribute}' is not allowed to appear in element '${rawName}'.`,
    location === null ? null : { ...location, id: null },
  );
  return true;
}

/**
 * Content moddle dropped or could not read: a duplicate id (Xerces' `cvc-id.2`), or any problem
 * with a tag of the BPMN namespace (unknown element, unreadable attribute, illegal id), which
 * would otherwise vanish from the model without notice.
 */
function droppedContent(ctx: ParseContext, warning: ModdleWarning): boolean {
  if (warning.nested === null) return false;
  const duplicate = DUPLICATE_ID.exec(warning.nested)?.[1];
  if (duplicate !== undefined) {
    const second = ctx.document.lines.allWithId(duplicate)[1];
    const location = second === undefined ? startLocation(ctx, warning) : { ...second.end, id: null };
    ctx.error(`cvc-id.2: There are multiple occurrences of ID value '${duplicate}'.`, location);
    return true;
  }
  const tag = warning.start === null ? undefined : ctx.document.lines.startingAt(warning.start);
  if (!(tag?.name.startsWith('bpmn:') ?? false) && !BPMN_CONTENT.test(warning.nested)) return false;
  ctx.error(`Invalid content ${warning.content ?? ''}: ${warning.nested}`, startLocation(ctx, warning));
  return true;
}

/**
 * Sorts bpmn-moddle's warnings. What Camunda's schema validation rejects becomes an error
 * (duplicate ids, unknown BPMN attributes and elements: moddle would silently drop them);
 * everything else — unknown `camunda:` attributes, foreign content, unresolved references — is
 * kept as a warning with its position.
 */
export function reportModdleWarnings(ctx: ParseContext, warnings: readonly ModdleWarning[]): void {
  for (const warning of warnings) {
    if (unknownBpmnAttribute(ctx, warning) || droppedContent(ctx, warning)) continue;
    ctx.warn(warning.message, elementLocation(ctx, warning));
  }
}
