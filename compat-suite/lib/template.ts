import type { Json } from './types.js';

/** Values a case can refer to as `${name}`: built-ins (runId, baseUrl) and captured values. */
export type Variables = Map<string, Json>;

const WHOLE = /^\$\{([A-Za-z_][\w.-]*)\}$/;
const PART = /\$\{([A-Za-z_][\w.-]*)\}/g;

/** Thrown when a case refers to a variable that no earlier step captured. */
export class TemplateError extends Error {}

function lookup(vars: Variables, name: string): Json {
  if (!vars.has(name)) throw new TemplateError(`unknown variable \${${name}} (not captured by an earlier step?)`);
  return vars.get(name) ?? null;
}

/**
 * Replaces `${name}` in a string. A string that is exactly one reference becomes the variable's
 * value with its JSON type (so `"${count}"` can stand for a number or null); references inside
 * longer text are stringified.
 */
export function substituteString(text: string, vars: Variables): Json {
  const whole = WHOLE.exec(text);
  if (whole?.[1] !== undefined) return lookup(vars, whole[1]);
  return text.replace(PART, (_match, name: string) => {
    const value = lookup(vars, name);
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** Like substituteString, but the result must be text (paths, header values, form fields). */
export function substituteText(text: string, vars: Variables): string {
  const value = substituteString(text, vars);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Substitutes every string (and object key) in a JSON value. */
export function substitute(value: Json, vars: Variables): Json {
  if (typeof value === 'string') return substituteString(value, vars);
  if (Array.isArray(value)) return value.map((item) => substitute(item, vars));
  if (value !== null && typeof value === 'object') {
    const result: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) result[substituteText(key, vars)] = substitute(item, vars);
    return result;
  }
  return value;
}

/**
 * Reads a value from a response body by a dotted path: `id`, `0.id` (array index),
 * `deployedProcessDefinitions.*.id` (`*` = the first value of an object or array), `length`
 * (of an array). An empty path is the whole body. Returns undefined when the path does not exist.
 */
export function readPath(body: Json | undefined, path: string): Json | undefined {
  if (path === '' || path === '$') return body;
  let current: Json | undefined = body;
  for (const segment of path.replace(/^\$\.?/, '').split('.')) {
    if (current === undefined || current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (segment === 'length') current = current.length;
      else if (segment === '*') current = current[0];
      else current = /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
    } else {
      current = segment === '*' ? Object.values(current)[0] : current[segment];
    }
  }
  return current;
}
