import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { loadFragment } from './cases.js';
import { send, type HttpResponse } from './http.js';
import { matchJson, matchText, normalise } from './match.js';
import { readPath, substitute, substituteText, type Variables } from './template.js';
import type { FragmentUse, Json, LoadedCase, MultipartPart, RequestSpec, Step } from './types.js';

/** What running one case needs to know. */
export interface CaseContext {
  baseUrl: string;
  /** The compat-suite folder (files in multipart parts are relative to it). */
  suiteDir: string;
  /** A short random id, unique per run, available to cases as `${runId}`. */
  runId: string;
}

/** A fresh run id: deployment names carry it, so runs against a long-lived server do not collide. */
export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

/** Fragments may use fragments, but not endlessly. */
const MAX_FRAGMENT_DEPTH = 5;

function isFragmentUse(step: Step | FragmentUse): step is FragmentUse {
  return 'use' in step;
}

function substituteRequest(spec: RequestSpec, vars: Variables): RequestSpec {
  const result: RequestSpec = { method: spec.method, path: substituteText(spec.path, vars) };
  if (spec.headers) {
    result.headers = Object.fromEntries(Object.entries(spec.headers).map(([k, v]) => [k, substituteText(v, vars)]));
  }
  if (spec.json !== undefined) result.json = substitute(spec.json, vars);
  if (spec.multipart) {
    result.multipart = spec.multipart.map((part): MultipartPart => {
      const out: MultipartPart = { name: substituteText(part.name, vars) };
      if (part.value !== undefined) out.value = substituteText(part.value, vars);
      if (part.file !== undefined) out.file = part.file;
      if (part.filename !== undefined) out.filename = substituteText(part.filename, vars);
      if (part.contentType !== undefined) out.contentType = part.contentType;
      return out;
    });
  }
  return result;
}

function responseSummary(response: HttpResponse): string {
  const body = response.text.length > 300 ? `${response.text.slice(0, 297)}...` : response.text;
  return `${response.status} ${response.contentType ?? '(no content type)'} ${body}`;
}

/** Runs one step once; returns its mismatches. Captured values are added to `vars`. */
async function attemptStep(step: Step, vars: Variables, ctx: CaseContext): Promise<string[]> {
  const request = substituteRequest(step.request, vars);
  const response = await send(ctx.baseUrl, request, ctx.suiteDir);
  const expect = step.expect;
  const errors: string[] = [];
  if (expect && response.status !== expect.status) {
    return [`expected status ${expect.status}, got ${responseSummary(response)}`];
  }
  for (const [name, path] of Object.entries(step.capture ?? {})) {
    const value = readPath(response.json, path);
    if (value === undefined) errors.push(`capture ${name}: nothing at '${path}' in ${responseSummary(response)}`);
    else vars.set(name, value);
  }
  if (!expect || errors.length > 0) return errors;
  if (expect.contentType !== undefined) {
    errors.push(...matchText(substituteText(expect.contentType, vars), response.contentType, 'content-type'));
  }
  if (expect.body !== undefined) {
    if (response.json === undefined) errors.push(`expected a JSON body, got ${responseSummary(response)}`);
    else errors.push(...matchJson(substitute(expect.body, vars), normalise(response.json, ctx.baseUrl)));
  }
  if (expect.text !== undefined) errors.push(...matchText(substituteText(expect.text, vars), response.text, 'text'));
  return errors;
}

async function runStep(step: Step, vars: Variables, ctx: CaseContext): Promise<string[]> {
  const attempts = Math.max(1, (step.retry?.times ?? 0) + 1);
  let errors: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    errors = await attemptStep(step, vars, ctx);
    if (errors.length === 0) return [];
    if (attempt < attempts) await sleep(step.retry?.delayMs ?? 100);
  }
  return errors;
}

/** Runs steps in order, expanding fragments; stops at the first failing step. */
async function runSteps(steps: readonly (Step | FragmentUse)[], vars: Variables, ctx: CaseContext, prefix: string, depth: number): Promise<string[]> {
  for (const step of steps) {
    if (isFragmentUse(step)) {
      if (depth >= MAX_FRAGMENT_DEPTH) return [`${prefix}${step.use}: fragments nested too deeply`];
      const fragment = await loadFragment(join(ctx.suiteDir, 'fragments'), step.use);
      for (const [name, value] of Object.entries(step.with ?? {})) vars.set(name, substitute(value, vars));
      const missing = (fragment.params ?? []).filter((p) => !vars.has(p));
      if (missing.length > 0) return [`${prefix}${step.use}: missing parameter(s) ${missing.join(', ')}`];
      const errors = await runSteps(fragment.steps, vars, ctx, `${prefix}${step.use}/`, depth + 1);
      if (errors.length > 0) return errors;
      continue;
    }
    let errors: string[];
    try {
      errors = await runStep(step, vars, ctx);
    } catch (error) {
      errors = [error instanceof Error ? error.message : String(error)];
    }
    if (errors.length > 0) return errors.map((e) => `step '${prefix}${step.name}': ${e}`);
  }
  return [];
}

/** Runs one case; returns its failures (empty = passed). */
export async function runCase(testCase: LoadedCase, ctx: CaseContext): Promise<string[]> {
  const vars: Variables = new Map<string, Json>([['runId', ctx.runId], ['baseUrl', ctx.baseUrl]]);
  return runSteps(testCase.steps, vars, ctx, '', 0);
}
