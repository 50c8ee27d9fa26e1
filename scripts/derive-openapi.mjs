// Derives openapi/engine-rest.json from Camunda 7.23's REST contract in ../shared/reference.
// Only interface facts are kept: paths, operation ids, parameters, request bodies, responses and
// schemas. Every description, summary and example is dropped. Routes Camunda serves but does not
// document are added from openapi/extensions.json.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, '..', 'shared', 'reference', 'camunda7-openapi.json');
if (!existsSync(source)) {
  console.error(`derive-openapi: ${source} is absent; openapi/engine-rest.json stays as committed`);
  process.exit(1);
}

const PROSE = new Set(['description', 'summary', 'example', 'examples', 'externalDocs']);

/** Removes prose keys everywhere except inside `properties`, where a key is a field name. */
function strip(node, underProperties = false) {
  if (Array.isArray(node)) return node.map((item) => strip(item));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (!underProperties && PROSE.has(key)) continue;
    out[key] = strip(value, key === 'properties' && !underProperties);
  }
  return out;
}

const input = JSON.parse(readFileSync(source, 'utf8'));
const contract = {
  openapi: input.openapi,
  info: {
    title: 'm8flow engine REST API (Camunda 7.23 compatible)',
    version: input.info.version,
    license: input.info.license,
  },
  servers: [{ url: '/engine-rest' }, { url: '/engine-rest/engine/{engineName}', variables: { engineName: { default: 'default' } } }],
  tags: input.tags.map((t) => ({ name: t.name })),
  paths: strip(input.paths),
  components: strip(input.components),
};

const extensionsFile = join(root, 'openapi', 'extensions.json');
if (existsSync(extensionsFile)) {
  const extensions = JSON.parse(readFileSync(extensionsFile, 'utf8'));
  for (const [path, ops] of Object.entries(extensions.paths ?? {})) {
    contract.paths[path] = { ...(contract.paths[path] ?? {}), ...ops };
  }
}

writeFileSync(join(root, 'openapi', 'engine-rest.json'), JSON.stringify(contract, null, 1) + '\n');
let operations = 0;
for (const item of Object.values(contract.paths)) {
  for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch']) if (item[method]) operations++;
}
console.log(`derive-openapi: ${Object.keys(contract.paths).length} paths, ${operations} operations`);
