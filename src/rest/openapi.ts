import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';

/** Locates openapi/engine-rest.json from both src/ (tsx) and dist/src/ (compiled). */
export function contractPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'openapi', 'engine-rest.json');
    try {
      readFileSync(candidate, { flag: 'r' });
      return candidate;
    } catch {
      dir = dirname(dir);
    }
  }
  throw new Error('openapi/engine-rest.json not found');
}

let cachedContract: Document | undefined;

/** Our contract: every Camunda 7.23 operation (see openapi/README.md). */
export function loadContract(): Document {
  cachedContract ??= JSON.parse(readFileSync(contractPath(), 'utf8')) as Document;
  return cachedContract;
}

/**
 * The router: openapi-backend matches method and path against the contract and names the
 * operation; handlers are looked up by Camunda's operationId. Validators compile lazily (quick
 * mode), so start-up stays fast with 399 operations.
 */
export async function createRouter(): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    definition: structuredClone(loadContract()),
    quick: true,
    validate: true,
    ajvOpts: { strict: false, validateFormats: false },
  });
  api.register({
    notFound: () => undefined,
    notImplemented: () => undefined,
  });
  await api.init();
  return api;
}

export type { Operation };
