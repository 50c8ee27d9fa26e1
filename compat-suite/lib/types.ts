/**
 * The data model of the compatibility suite: case files (`cases/<tag>/<case>.json`), fragments
 * (`fragments/<name>.json`), the skip list and the results the runner reports.
 */

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** One part of a `multipart/form-data` body: a text field, or a file read from the suite folder. */
export interface MultipartPart {
  /** The form-data part name (the Modeler names file parts after the file). */
  name: string;
  /** Text content of a plain field. */
  value?: string;
  /** A file to send, relative to the `compat-suite/` folder (e.g. `bpmn/diagram_1.bpmn`). */
  file?: string;
  /** The part's filename; defaults to the file's base name. */
  filename?: string;
  /** The part's content type; defaults to `text/xml` for files. */
  contentType?: string;
}

/** The request a step sends. `path` is relative to BASE_URL and may carry a query string. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  /** A JSON body (sent with `Content-Type: application/json`). */
  json?: Json;
  /** A multipart body (the deployment endpoint). */
  multipart?: MultipartPart[];
}

/** What a step's response must look like. Strings may be matchers (see match.ts). */
export interface Expectation {
  status: number;
  /** The whole Content-Type header value, or a string matcher such as `$startsWith:text/plain`. */
  contentType?: string;
  /** The JSON body, matched as a subset (objects) or element-wise (arrays). */
  body?: Json;
  /** The body as text (non-JSON responses), a literal or a string matcher. */
  text?: string;
}

/** One HTTP exchange of a case. */
export interface Step {
  name: string;
  request: RequestSpec;
  expect?: Expectation;
  /** Values to remember for later steps: variable name → path into the response body. */
  capture?: Record<string, string>;
  /** Repeat the step until it passes (for servers that do work asynchronously). */
  retry?: { times: number; delayMs: number };
}

/** A reference to a fragment: a reusable step sequence with parameters. */
export interface FragmentUse {
  use: string;
  with?: Record<string, string>;
}

/** A case file. */
export interface CaseFile {
  description: string;
  steps: (Step | FragmentUse)[];
}

/** A fragment file: steps shared by several cases. */
export interface FragmentFile {
  description: string;
  /** Parameters the fragment expects in `with`. */
  params?: string[];
  steps: (Step | FragmentUse)[];
}

/** A loaded case, named `<tag>/<case>` after its path. */
export interface LoadedCase {
  id: string;
  file: string;
  description: string;
  steps: (Step | FragmentUse)[];
}

/** The outcome of one case or client scenario. */
export interface CaseResult {
  id: string;
  outcome: 'passed' | 'failed' | 'skipped';
  /** Why the case failed (or, for a skipped case, how it fails now). */
  failures: string[];
  /** The skip reason when the case is listed in skip.json. */
  skipReason?: string;
  /** A skipped case that passed when run: it can be removed from skip.json. */
  unexpectedPass?: boolean;
  durationMs: number;
}

/** What a whole run reports. */
export interface RunSummary {
  passed: number;
  failed: number;
  skipped: number;
  results: CaseResult[];
}
