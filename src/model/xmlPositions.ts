/**
 * Element positions in a BPMN XML text. bpmn-moddle does not keep source positions, so one light
 * pass over the text records, for every start tag, its namespace-normalised name, its `id` and the
 * position Camunda reports for it in a `Problem`: the line and column of the character right after
 * the start tag (the SAX locator position at `startElement`, 1-based, as Xerces reports it).
 */

/** A 1-based line/column pair. */
export interface XmlPosition {
  readonly line: number;
  readonly column: number;
}

/** One start tag of the document. */
export interface ScannedElement {
  /** Normalised name: `bpmn:userTask`, `camunda:executionListener`, or the raw name otherwise. */
  readonly name: string;
  /** The name as written, prefix included (what Xerces prints in its messages). */
  readonly rawName: string;
  readonly id: string | null;
  /** `id` of the nearest ancestor that has one. */
  readonly ownerId: string | null;
  /** Where the tag opens (`<`), 1-based. */
  readonly start: XmlPosition;
  /** Just after the tag's `>`, 1-based: the position Camunda puts in problem reports. */
  readonly end: XmlPosition;
}

/** Namespace URIs whose elements get a fixed prefix in {@link ScannedElement.name}. */
const KNOWN_NAMESPACES: Readonly<Record<string, string>> = {
  'http://www.omg.org/spec/BPMN/20100524/MODEL': 'bpmn',
  'http://www.omg.org/spec/BPMN/20100524/DI': 'bpmndi',
  'http://www.omg.org/spec/DD/20100524/DC': 'dc',
  'http://www.omg.org/spec/DD/20100524/DI': 'di',
  'http://camunda.org/schema/1.0/bpmn': 'camunda',
  // Camunda 7 still reads the legacy Activiti namespace as its own (BpmnParse namespace alternative).
  'http://activiti.org/bpmn': 'camunda',
};

const NAME_CHAR = /[^\s/>=]/;
/** ID and IDREF attributes: XML Schema collapses their whitespace, moddle does not. */
const ID_ATTRIBUTES = new Set(['id', 'sourceRef', 'targetRef', 'default', 'attachedToRef']);
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/y;

interface OpenElement {
  /** Owner id for the element's children: its own id, else its owner's. */
  readonly childOwner: string | null;
  readonly namespaces: ReadonlyMap<string, string>;
}

/** Positions of all start tags of one document, looked up by id or by owner and name. */
export class XmlPositionIndex {
  private readonly byIdMap = new Map<string, ScannedElement[]>();
  private readonly byOwner = new Map<string, ScannedElement[]>();
  private readonly byStart = new Map<string, ScannedElement>();

  private constructor(
    readonly elements: readonly ScannedElement[],
    /** ID/IDREF values with surrounding whitespace, which moddle would reject or not resolve. */
    readonly paddedValues: readonly PaddedValue[],
  ) {
    for (const element of elements) {
      if (element.id !== null) push(this.byIdMap, element.id, element);
      push(this.byOwner, element.ownerId ?? '', element);
      this.byStart.set(`${element.start.line}:${element.start.column}`, element);
    }
  }

  /** Scans `xml`; never throws, a malformed tail is simply not indexed. */
  static scan(xml: string): XmlPositionIndex {
    const { elements, padded } = scanElements(xml);
    return new XmlPositionIndex(elements, padded);
  }

  /** The document element, if any. */
  get root(): ScannedElement | undefined {
    return this.elements[0];
  }

  /** The first element carrying `id`. */
  byId(id: string): ScannedElement | undefined {
    return this.byIdMap.get(id)?.[0];
  }

  /** Every element carrying `id`, in document order (more than one means a duplicate id). */
  allWithId(id: string): readonly ScannedElement[] {
    return this.byIdMap.get(id) ?? [];
  }

  /**
   * The `index`-th element named `name` whose nearest id-carrying ancestor is `ownerId`, e.g. the
   * second `camunda:executionListener` of task `t1`.
   */
  nth(ownerId: string, name: string, index: number): ScannedElement | undefined {
    return (this.byOwner.get(ownerId) ?? []).filter((e) => e.name === name)[index];
  }

  /** The element whose start tag opens at a 1-based position. */
  startingAt(position: XmlPosition): ScannedElement | undefined {
    return this.byStart.get(`${position.line}:${position.column}`);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Offsets at which lines start; `\r\n` and a lone `\r` count as one line break, as in XML. */
function lineStarts(xml: string): number[] {
  const starts = [0];
  for (let i = 0; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 10 || (c === 13 && xml.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function positionAt(starts: readonly number[], offset: number): XmlPosition {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/** Skips markup that holds no elements; returns the offset after it, or -1 when it is not such markup. */
function skipNonElement(xml: string, at: number): number {
  const closeAfter = (marker: string): number => {
    const end = xml.indexOf(marker, at);
    return end === -1 ? xml.length : end + marker.length;
  };
  if (xml.startsWith('<!--', at)) return closeAfter('-->');
  if (xml.startsWith('<![CDATA[', at)) return closeAfter(']]>');
  if (xml.startsWith('<?', at)) return closeAfter('?>');
  if (xml.startsWith('<!', at)) {
    const subset = xml.indexOf('[', at);
    const gt = xml.indexOf('>', at);
    return subset !== -1 && subset < gt ? closeAfter(']>') : closeAfter('>');
  }
  return -1;
}

/** Offsets of an attribute value (without quotes) that has leading or trailing whitespace. */
export interface PaddedValue {
  readonly start: number;
  readonly end: number;
}

interface Tag {
  readonly rawName: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly padded: readonly PaddedValue[];
  readonly selfClosing: boolean;
  readonly end: number;
}

/** Reads a start tag at `at` (pointing to `<`); null when it is not one. */
function readStartTag(xml: string, at: number): Tag | null {
  let i = at + 1;
  while (i < xml.length && NAME_CHAR.test(xml.charAt(i))) i++;
  const rawName = xml.slice(at + 1, i);
  if (rawName === '') return null;
  const attributes = new Map<string, string>();
  const padded: PaddedValue[] = [];
  for (;;) {
    while (i < xml.length && /\s/.test(xml.charAt(i))) i++;
    if (xml.startsWith('/>', i)) return { rawName, attributes, padded, selfClosing: true, end: i + 2 };
    if (xml.charAt(i) === '>') return { rawName, attributes, padded, selfClosing: false, end: i + 1 };
    ATTRIBUTE.lastIndex = i;
    const match = ATTRIBUTE.exec(xml);
    if (!match || match[1] === undefined || match[2] === undefined) return null;
    const value = match[2].slice(1, -1);
    attributes.set(match[1], value);
    i = ATTRIBUTE.lastIndex;
    if (ID_ATTRIBUTES.has(match[1]) && value !== value.trim()) padded.push({ start: i - 1 - value.length, end: i - 1 });
  }
}

function namespacesOf(tag: Tag, inherited: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  let scope: Map<string, string> | null = null;
  for (const [name, value] of tag.attributes) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    scope ??= new Map(inherited);
    scope.set(name === 'xmlns' ? '' : name.slice(6), value);
  }
  return scope ?? inherited;
}

function normalisedName(rawName: string, namespaces: ReadonlyMap<string, string>): string {
  const colon = rawName.indexOf(':');
  const prefix = colon === -1 ? '' : rawName.slice(0, colon);
  const known = KNOWN_NAMESPACES[namespaces.get(prefix) ?? ''];
  return known === undefined ? rawName : `${known}:${rawName.slice(colon + 1)}`;
}

function scanElements(xml: string): { elements: ScannedElement[]; padded: PaddedValue[] } {
  const starts = lineStarts(xml);
  const result: ScannedElement[] = [];
  const padded: PaddedValue[] = [];
  const stack: OpenElement[] = [];
  let at = xml.indexOf('<');
  while (at !== -1) {
    const skipped = skipNonElement(xml, at);
    if (skipped !== -1) {
      at = xml.indexOf('<', skipped);
      continue;
    }
    if (xml.charAt(at + 1) === '/') {
      stack.pop();
      at = xml.indexOf('<', at + 2);
      continue;
    }
    const tag = readStartTag(xml, at);
    if (tag === null) break;
    const parent = stack[stack.length - 1];
    const namespaces = namespacesOf(tag, parent?.namespaces ?? new Map<string, string>());
    const id = tag.attributes.get('id')?.trim() ?? null;
    padded.push(...tag.padded);
    const ownerId = parent?.childOwner ?? null;
    result.push({
      name: normalisedName(tag.rawName, namespaces),
      rawName: tag.rawName,
      id,
      ownerId,
      start: positionAt(starts, at),
      end: positionAt(starts, tag.end),
    });
    if (!tag.selfClosing) stack.push({ childOwner: id ?? ownerId, namespaces });
    at = xml.indexOf('<', tag.end);
  }
  return { elements: result, padded };
}
