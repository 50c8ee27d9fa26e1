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

/** JSON Schema's enum ignores `nullable`, so a nullable enum must list null itself (ajv, OAS 3.0). */
function allowNullInNullableEnums(node) {
  if (Array.isArray(node)) return node.forEach(allowNullInNullableEnums);
  if (node === null || typeof node !== 'object') return;
  if (node.nullable === true && Array.isArray(node.enum) && !node.enum.includes(null)) node.enum.push(null);
  Object.values(node).forEach(allowNullInNullableEnums);
}
allowNullInNullableEnums(contract.components);

/** Camunda DTO fields that hold another DTO are null when absent (e.g. TaskDto.camundaFormRef). */
for (const schema of Object.values(contract.components.schemas)) {
  const holders = [schema, ...(schema.allOf ?? [])];
  for (const holder of holders) {
    for (const [name, property] of Object.entries(holder.properties ?? {})) {
      if (property && Object.keys(property).length === 1 && property.$ref) {
        holder.properties[name] = { anyOf: [property, { enum: [null] }] };
      }
    }
  }
}
allowNullInNullableEnums(contract.paths);

// Camunda's REST layer answers `code: null` for REST-level errors without an engine cause
// (ExceptionHandlerHelper only sets it from a ProcessEngineException), so the field is nullable.
contract.components.schemas.ExceptionDto.properties.code.nullable = true;

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
