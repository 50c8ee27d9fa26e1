import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { CaseFile, FragmentFile, FragmentUse, Json, LoadedCase, Step } from './types.js';

/** A case or fragment file that does not follow the format in compat-suite/README.md. */
export class CaseFormatError extends Error {}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

function stringMap(value: unknown, where: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isObj(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw new CaseFormatError(`${where}: must be an object of strings`);
  }
  return value as Record<string, string>;
}

function checkStep(raw: Obj, where: string): Step {
  if (typeof raw['name'] !== 'string') throw new CaseFormatError(`${where}: step needs a "name"`);
  const at = `${where} step '${raw['name']}'`;
  const request = raw['request'];
  if (!isObj(request) || typeof request['method'] !== 'string' || !METHODS.has(request['method']) || typeof request['path'] !== 'string') {
    throw new CaseFormatError(`${at}: "request" needs "method" (GET/POST/PUT/DELETE) and "path"`);
  }
  if (!request['path'].startsWith('/')) throw new CaseFormatError(`${at}: request path must start with "/"`);
  stringMap(request['headers'], `${at} request.headers`);
  const multipart = request['multipart'];
  if (multipart !== undefined && (!Array.isArray(multipart) || !multipart.every((p) => isObj(p) && typeof p['name'] === 'string'))) {
    throw new CaseFormatError(`${at}: request.multipart must be a list of {name, value | file}`);
  }
  const expect = raw['expect'];
  if (expect !== undefined && (!isObj(expect) || typeof expect['status'] !== 'number')) {
    throw new CaseFormatError(`${at}: "expect" needs a numeric "status"`);
  }
  stringMap(raw['capture'], `${at} capture`);
  return raw as unknown as Step;
}

function checkSteps(raw: unknown, where: string): (Step | FragmentUse)[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new CaseFormatError(`${where}: "steps" must be a non-empty list`);
  return raw.map((step, i) => {
    if (!isObj(step)) throw new CaseFormatError(`${where}: step ${i + 1} is not an object`);
    if (typeof step['use'] === 'string') {
      stringMap(step['with'], `${where} use '${step['use']}'`);
      return step as unknown as FragmentUse;
    }
    return checkStep(step, where);
  });
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new CaseFormatError(`${file}: invalid JSON: ${(error as Error).message}`);
  }
}

async function listJson(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map(async (entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listJson(path);
    return entry.name.endsWith('.json') ? [path] : [];
  }));
  return nested.flat().sort();
}

/** Loads every `cases/<tag>/<case>.json` under `casesDir`, sorted by id. */
export async function loadCases(casesDir: string): Promise<LoadedCase[]> {
  const files = await listJson(casesDir);
  return Promise.all(files.map(async (file) => {
    const raw = await readJson(file);
    const id = relative(casesDir, file).split(sep).join('/').replace(/\.json$/, '');
    if (!isObj(raw) || typeof raw['description'] !== 'string') throw new CaseFormatError(`${id}: needs a "description"`);
    const parsed: CaseFile = { description: raw['description'], steps: checkSteps(raw['steps'], id) };
    return { id, file, description: parsed.description, steps: parsed.steps };
  }));
}

/** Loads `fragments/<name>.json`. */
export async function loadFragment(fragmentsDir: string, name: string): Promise<FragmentFile> {
  if (!/^[\w-]+$/.test(name)) throw new CaseFormatError(`fragment name '${name}' must be a plain file name`);
  const raw = await readJson(join(fragmentsDir, `${name}.json`));
  if (!isObj(raw) || typeof raw['description'] !== 'string') throw new CaseFormatError(`fragment ${name}: needs a "description"`);
  const params = raw['params'];
  if (params !== undefined && (!Array.isArray(params) || !params.every((p) => typeof p === 'string'))) {
    throw new CaseFormatError(`fragment ${name}: "params" must be a list of names`);
  }
  return { description: raw['description'], ...(params === undefined ? {} : { params: params as string[] }), steps: checkSteps(raw['steps'], `fragment ${name}`) };
}

/** skip.json: case id → reason. Keys starting with `$` are comments. */
export async function loadSkips(file: string): Promise<Map<string, string>> {
  const raw = await readJson(file);
  if (!isObj(raw)) throw new CaseFormatError(`${file}: must be an object of case id → reason`);
  const skips = new Map<string, string>();
  for (const [id, reason] of Object.entries(raw)) {
    if (id.startsWith('$')) continue;
    if (typeof reason !== 'string' || reason.trim() === '') throw new CaseFormatError(`${file}: '${id}' needs a reason`);
    skips.set(id, reason);
  }
  return skips;
}
