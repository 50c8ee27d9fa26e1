import { bool, children, extensionsOfType, str, type ModdleElement } from '../../moddleAccess.js';
import type { ParseContext } from '../ParseContext.js';

/**
 * Splits a Camunda comma-separated list (candidate users/groups, starter users/groups) the way
 * Camunda's `parseCommaSeparatedList` does: commas inside `${…}` / `#{…}` do not split, entries
 * are trimmed. Empty entries are dropped.
 */
export function parseCommaSeparatedList(text: string | null): string[] {
  if (text === null || text === '') return [];
  const entries: string[] = [];
  let current = '';
  let insideExpression = false;
  for (const c of text) {
    if (c === '{' || c === '$') insideExpression = true;
    else if (c === '}') insideExpression = false;
    if (c === ',' && !insideExpression) {
      entries.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  entries.push(current.trim());
  return entries.filter((entry) => entry !== '');
}

/** `bpmn:documentation` texts, each trimmed, joined by a blank line; null when there is none. */
export function parseDocumentation(element: ModdleElement): string | null {
  const docs = children(element, 'documentation').map((doc) => (str(doc, 'text') ?? '').trim());
  return docs.length === 0 ? null : docs.join('\n\n');
}

/** Async continuation flags (Camunda: `camunda:async` is the legacy spelling of `asyncBefore`). */
export interface AsyncFlags {
  readonly asyncBefore: boolean;
  readonly asyncAfter: boolean;
  readonly exclusive: boolean;
}

/** Reads `camunda:asyncBefore` / `camunda:async`, `camunda:asyncAfter` and `camunda:exclusive` (default true). */
export function parseAsyncFlags(element: ModdleElement): AsyncFlags {
  return {
    asyncBefore: bool(element, 'camunda:asyncBefore') === true || bool(element, 'camunda:async') === true,
    asyncAfter: bool(element, 'camunda:asyncAfter') === true,
    exclusive: bool(element, 'camunda:exclusive') !== false,
  };
}

/** Camunda's `StringUtil.isExpression`: the trimmed text starts with `${` or `#{`. */
export function isExpression(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('${') || trimmed.startsWith('#{');
}

const JAVA_INT = /^[+-]?\d+$/;

/** Java's `Integer.parseInt` acceptance: optional sign, decimal digits, 32-bit range. */
export function parseJavaInt(text: string): number | null {
  if (!JAVA_INT.test(text)) return null;
  const value = Number(text);
  return value >= -2147483648 && value <= 2147483647 ? value : null;
}

/**
 * A priority attribute (`camunda:jobPriority`, `camunda:taskPriority`): an expression, or else a
 * constant that must be a valid integer (Camunda's `parsePriority` error otherwise).
 */
export function parsePriority(ctx: ParseContext, element: ModdleElement, attribute: string): string | null {
  const value = str(element, `camunda:${attribute}`);
  if (value === null) return null;
  if (!isExpression(value) && parseJavaInt(value) === null) {
    ctx.error(`Value '${value}' for attribute '${attribute}' is not a valid number`, ctx.at(element));
  }
  return value;
}

/** `camunda:properties` as a name → value record (last one wins, as in Camunda's HashMap). */
export function parseProperties(element: ModdleElement): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const container of extensionsOfType(element, 'camunda:Properties')) {
    for (const property of children(container, 'values')) {
      const name = str(property, 'name');
      if (name !== null) properties[name] = str(property, 'value') ?? '';
    }
  }
  return properties;
}

/** Text of the `camunda:failedJobRetryTimeCycle` extension element, or null. */
export function parseRetryTimeCycle(element: ModdleElement): string | null {
  const [cycle] = extensionsOfType(element, 'camunda:FailedJobRetryTimeCycle');
  const text = cycle === undefined ? null : str(cycle, 'body');
  return text === null || text.trim() === '' ? null : text.trim();
}

/**
 * `camunda:historyTimeToLive` in days: an integer or an ISO period of days (`P5D`), as in
 * Camunda's `ParseUtil.parseHistoryTimeToLive`; records Camunda's error on the process otherwise.
 */
export function parseHistoryTimeToLive(ctx: ParseContext, process: ModdleElement): number | null {
  const raw = str(process, 'camunda:historyTimeToLive');
  if (raw === null || raw === '') return null;
  const days = /^P(\d+)D$/.exec(raw)?.[1] ?? raw;
  const value = parseJavaInt(days);
  if (value === null) {
    ctx.error(`Cannot parse historyTimeToLive: For input string: "${days}"`, ctx.at(process));
    return null;
  }
  if (value < 0) {
    ctx.error('Cannot parse historyTimeToLive: negative value is not allowed', ctx.at(process));
    return null;
  }
  return value;
}
