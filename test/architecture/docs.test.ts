import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operations, renderCompatibility } from '../../scripts/compatibility.js';

const ROOT = join(__dirname, '..', '..');

/** The README and docs/compatibility.md must state what the code actually serves. */
describe('compatibility documentation', () => {
  const rows = operations();
  const implemented = rows.filter((r) => r.implemented).length;

  it('docs/compatibility.md is generated from the current handlers (npm run compat:table)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'compatibility.md'), 'utf8')).toBe(renderCompatibility(rows));
  });

  it(`the README states the implemented operation count (${implemented} of ${rows.length})`, () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`**${implemented} of ${rows.length}**`);
  });

  it('every handler serves an operation of the contract', () => {
    expect(rows.length).toBe(399);
  });
});
