/**
 * A small typed view of the untyped moddle object tree. bpmn-moddle builds plain JavaScript
 * objects whose shape depends on the metamodel; the parser reads them only through these helpers,
 * so no `any` leaks into the model layer.
 */

/** A moddle element: its `$type` (e.g. `bpmn:UserTask`) plus untyped properties. */
export interface ModdleElement {
  readonly $type: string;
  readonly [property: string]: unknown;
}

type Getter = (name: string) => unknown;

/** True when `value` is a moddle element (an object with a string `$type`). */
export function isModdleElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** Local name of a moddle type in Camunda's tag-name spelling: `bpmn:UserTask` → `userTask`. */
export function tagName(type: string): string {
  const local = type.slice(type.indexOf(':') + 1);
  return local.charAt(0).toLowerCase() + local.slice(1);
}

/** Reads a property by (optionally prefixed) name through moddle's `get`, so extension attributes resolve. */
export function prop(element: ModdleElement, name: string): unknown {
  const get = element['get'];
  if (typeof get === 'function') return (get as Getter).call(element, name);
  return element[name];
}

/** A string-valued attribute; numbers and booleans are turned into text, anything else is null. */
export function str(element: ModdleElement, name: string): string | null {
  const value = prop(element, name);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** A boolean attribute moddle has already coerced; null when absent. */
export function bool(element: ModdleElement, name: string): boolean | null {
  const value = prop(element, name);
  return typeof value === 'boolean' ? value : null;
}

/** A single contained or referenced element; null when absent or unresolved. */
export function child(element: ModdleElement, name: string): ModdleElement | null {
  const value = prop(element, name);
  return isModdleElement(value) ? value : null;
}

/** A many-valued property as an array of elements (missing → empty). */
export function children(element: ModdleElement, name: string): ModdleElement[] {
  const value = prop(element, name);
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

/** An attribute moddle did not know, kept verbatim in `$attrs` (e.g. `camunda:resultVariableName`). */
export function foreignAttr(element: ModdleElement, qualifiedName: string): string | null {
  const attrs = element['$attrs'];
  if (typeof attrs !== 'object' || attrs === null) return null;
  const value = (attrs as Record<string, unknown>)[qualifiedName];
  return typeof value === 'string' ? value : null;
}

/** The element's `id`, or null. */
export function idOf(element: ModdleElement): string | null {
  return str(element, 'id');
}

/** The children of `<extensionElements>`, in document order. */
export function extensionValues(element: ModdleElement): ModdleElement[] {
  const extensions = child(element, 'extensionElements');
  return extensions === null ? [] : children(extensions, 'values');
}

/** Extension elements of one type, e.g. all `camunda:ExecutionListener` children. */
export function extensionsOfType(element: ModdleElement, type: string): ModdleElement[] {
  return extensionValues(element).filter((value) => value.$type === type);
}
