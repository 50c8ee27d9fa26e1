import { EngineError, type ParseProblem, type ResourceReport } from '../../errors/EngineError.js';

/**
 * Codes that prefix m8flow's own problem messages (Camunda's problems carry no code). They mark
 * models that Camunda 7 deploys but m8flow cannot execute yet, so they are easy to grep and count.
 */
export const unsupportedCodes = {
  /** A BPMN element type, or an element variant (e.g. a timer start event), that m8flow does not execute. */
  element: 'M8-09001',
  /** A Camunda attribute or extension element on a supported element that m8flow does not execute. */
  feature: 'M8-09002',
  /** A script language no configured script runner accepts (Groovy, Python, …). */
  scriptLanguage: 'M8-09003',
} as const;

const UNSUPPORTED = /^M8-0900\d /;

/** True when a problem message is one of m8flow's "not supported yet" reports. */
export function isUnsupportedProblem(message: string): boolean {
  return UNSUPPORTED.test(message);
}

/** `Element type 'x' (id 'y') is not supported yet`, optionally naming the variant. */
export function unsupportedElementMessage(tag: string, id: string | null, variant?: string): string {
  const what = variant === undefined ? `'${tag}'` : `'${tag}' with ${variant}`;
  return `${unsupportedCodes.element} Element type ${what} (id '${id ?? ''}') is not supported yet`;
}

/** `Attribute 'camunda:class' on serviceTask 'y' is not supported yet`. */
export function unsupportedFeatureMessage(feature: string, tag: string, id: string | null): string {
  return `${unsupportedCodes.feature} ${feature} on ${tag} '${id ?? ''}' is not supported yet`;
}

/** `Script language 'groovy' is not supported (supported: …)`. */
export function unsupportedLanguageMessage(language: string, supported: readonly string[]): string {
  return `${unsupportedCodes.scriptLanguage} Script language '${language}' is not supported (supported: ${supported.join(', ')})`;
}

/**
 * One problem line as Camunda writes it (Parse.throwExceptionForErrors + ProblemImpl.toString):
 * `* <message> | resource <name> | line <l> | column <c>`, line and column left out when not
 * positive.
 */
export function formatProblem(resourceName: string, problem: ParseProblem): string {
  const line = problem.line > 0 ? ` | line ${problem.line}` : '';
  const column = problem.column > 0 ? ` | column ${problem.column}` : '';
  return `\n* ${problem.message} | resource ${resourceName}${line}${column}`;
}

/**
 * Camunda's ParseException for a failed BPMN resource: message `ENGINE-09005 Could not parse BPMN
 * process. Errors: ` followed by every error line, and the per-resource report in `details`.
 */
export function parseException(resourceName: string, report: ResourceReport): EngineError {
  const lines = report.errors.map((problem) => formatProblem(resourceName, problem)).join('');
  return new EngineError('parse', `ENGINE-09005 Could not parse BPMN process. Errors: ${lines}`, {
    details: { [resourceName]: report },
  });
}
