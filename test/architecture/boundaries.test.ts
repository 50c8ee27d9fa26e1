import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every import specifier of a file, resolved to a path under src/ for relative ones. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? '');
  return specifiers.map((s) => (s.startsWith('.') ? relative(SRC, join(file, '..', s)).replace(/\\/g, '/') : s));
}

function violations(area: string, forbidden: RegExp): string[] {
  return files(join(SRC, area)).flatMap((file) =>
    imports(file).filter((i) => forbidden.test(i)).map((i) => `${relative(SRC, file)} imports ${i}`));
}

/** The module boundaries of docs/ARCHITECTURE.md §2, checked on every test run. */
describe('module boundaries', () => {
  it('model/ knows nothing about executions, persistence, commands or REST', () => {
    expect(violations('model', /^(execution|persistence|commands|command|rest|engine|history)\//)).toEqual([]);
  });

  it('the execution core never imports the TypeORM adapter, Express, feelin or isolated-vm', () => {
    for (const area of ['execution', 'commands', 'command', 'history', 'external-task']) {
      expect(violations(area, /^(persistence\/typeorm\/|typeorm$|express$|feelin$|isolated-vm$|rest\/)/)).toEqual([]);
    }
  });

  it('persistence ports do not depend on the TypeORM adapter', () => {
    expect(violations('persistence/ports', /^(persistence\/typeorm\/|typeorm$)/)).toEqual([]);
  });

  it('rest/ depends only on the public API (src/api.ts)', () => {
    expect(violations('rest', /^(?!rest\/|api\.js$|[a-z@])/)).toEqual([]);
  });

  it('expression/ depends only on its adapters and errors', () => {
    expect(violations('expression', /^(execution|persistence|commands|command|rest|engine|model)\//)).toEqual([]);
  });
});
