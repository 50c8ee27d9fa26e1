import type { ParseProblem, ResourceReport } from '../../errors/EngineError.js';
import type { ReadBpmnResult } from '../moddle.js';
import { idOf, type ModdleElement } from '../moddleAccess.js';
import type { XmlPosition } from '../xmlPositions.js';
import { parseException, unsupportedLanguageMessage } from './problems.js';

/** Options of {@link ParseContext}; all optional. */
export interface ParseOptions {
  /**
   * Camunda deploys a process without `isExecutable` only when re-parsing an existing deployment
   * (`!deployment.isNew()`); a new deployment skips it. Default: true.
   */
  readonly isNewDeployment?: boolean;
  /** Script languages (lowercase) some script runner accepts. Default: {@link DEFAULT_SCRIPT_LANGUAGES}. */
  readonly scriptLanguages?: readonly string[];
  /**
   * Report features the execution layer does not run yet (async continuations, input/output
   * mappings, Java listeners) as M8-09002 errors. On for deployments; model tests turn it off to
   * check what the parser reads.
   */
  readonly checkRuntimeSupport?: boolean;
}

/** JavaScript runs in the sandbox; JUEL "scripts" are expressions (Camunda's default script language). */
export const DEFAULT_SCRIPT_LANGUAGES: readonly string[] = ['javascript', 'js', 'ecmascript', 'juel'];

/** Where a problem points: the XML element's position and its own `id` (null for id-less elements). */
export interface ProblemLocation {
  readonly line: number;
  readonly column: number;
  readonly id: string | null;
}

/**
 * Resource-level parse state: the read document, the options, and the errors and warnings found
 * so far, recorded the way Camunda's `ProblemImpl` does (own id first, then the ids passed).
 */
export class ParseContext {
  readonly errors: ParseProblem[] = [];
  readonly warnings: ParseProblem[] = [];
  readonly scriptLanguages: readonly string[];
  readonly isNewDeployment: boolean;
  readonly checkRuntimeSupport: boolean;

  constructor(
    readonly resourceName: string,
    readonly document: ReadBpmnResult,
    options: ParseOptions = {},
  ) {
    this.scriptLanguages = options.scriptLanguages ?? DEFAULT_SCRIPT_LANGUAGES;
    this.isNewDeployment = options.isNewDeployment ?? true;
    this.checkRuntimeSupport = options.checkRuntimeSupport ?? true;
  }

  /** Location of an element that has an id (its first occurrence), or null. */
  at(element: ModdleElement | null): ProblemLocation | null {
    const id = element === null ? null : idOf(element);
    if (id === null) return null;
    const scanned = this.document.lines.byId(id);
    return scanned === undefined ? { line: 0, column: 0, id } : { line: scanned.end.line, column: scanned.end.column, id };
  }

  /**
   * Location of an id-less element: the `index`-th `name` (e.g. `camunda:executionListener`)
   * owned by `ownerId`; falls back to the owner's position, still without an own id.
   */
  within(ownerId: string | null, name: string, index: number): ProblemLocation | null {
    if (ownerId === null) return null;
    const scanned = this.document.lines.nth(ownerId, name, index) ?? this.document.lines.byId(ownerId);
    return scanned === undefined ? null : { ...positionOf(scanned.end), id: null };
  }

  /** Records an error; `elementIds` as in Camunda's `addError(message, element, elementIds…)`. */
  error(message: string, location: ProblemLocation | null, ...elementIds: (string | null)[]): void {
    this.errors.push(problem(message, location, elementIds));
  }

  /** Records a warning; same arguments as {@link error}. */
  warn(message: string, location: ProblemLocation | null, ...elementIds: (string | null)[]): void {
    this.warnings.push(problem(message, location, elementIds));
  }

  /** Checks a script language against the configured runners; records an error when none accepts it. */
  checkScriptLanguage(language: string, location: ProblemLocation | null, ...elementIds: (string | null)[]): boolean {
    if (this.scriptLanguages.includes(language.toLowerCase())) return true;
    this.error(unsupportedLanguageMessage(language, this.scriptLanguages), location, ...elementIds);
    return false;
  }

  /** The per-resource report (Camunda's `ResourceReport`). */
  report(): ResourceReport {
    return { errors: [...this.errors], warnings: [...this.warnings] };
  }

  /** Throws Camunda's ParseException (ENGINE-09005) when any error was recorded. */
  throwIfErrors(): void {
    if (this.errors.length > 0) throw parseException(this.resourceName, this.report());
  }
}

function positionOf(position: XmlPosition): { line: number; column: number } {
  return { line: position.line, column: position.column };
}

function problem(message: string, location: ProblemLocation | null, ids: readonly (string | null)[]): ParseProblem {
  const elementIds: string[] = location?.id ? [location.id] : [];
  let mainElementId = location?.id ?? null;
  if (ids.length > 0) {
    mainElementId = ids[0] ?? null;
    for (const id of ids) if (id) elementIds.push(id);
  }
  return { message, line: location?.line ?? 0, column: location?.column ?? 0, mainElementId, elementIds };
}
