import type { DeploymentEntity, ProcessDefinitionEntity, ResourceEntity } from '../../persistence/ports/entities.js';
import { SUSPENSION_SUSPENDED } from '../../persistence/ports/entities.js';
import { formatDate } from '../../util/dates.js';

export interface AtomLink {
  method: string;
  href: string;
  rel: string;
}

export function selfLink(baseUrl: string, path: string): AtomLink {
  return { method: 'GET', href: `${baseUrl}${path}`, rel: 'self' };
}

/** Camunda's DeploymentDto. */
export function deploymentDto(d: DeploymentEntity, baseUrl: string) {
  return {
    links: [selfLink(baseUrl, `/deployment/${d.id}`)],
    id: d.id, name: d.name, source: d.source, deploymentTime: formatDate(d.deploymentTime), tenantId: d.tenantId,
  };
}

/** Camunda's ProcessDefinitionDto. */
export function processDefinitionDto(p: ProcessDefinitionEntity) {
  return {
    id: p.id, key: p.key, category: p.category, description: p.description, name: p.name, version: p.version,
    resource: p.resourceName, deploymentId: p.deploymentId, diagram: p.diagramResourceName,
    suspended: p.suspensionState === SUSPENSION_SUSPENDED, tenantId: p.tenantId, versionTag: p.versionTag,
    historyTimeToLive: p.historyTimeToLive, startableInTasklist: p.startableInTasklist,
  };
}

/** Camunda's DeploymentWithDefinitionsDto: definition maps keyed by id, null when nothing was deployed. */
export function deploymentWithDefinitionsDto(d: DeploymentEntity, definitions: readonly ProcessDefinitionEntity[] | null, baseUrl: string) {
  return {
    ...deploymentDto(d, baseUrl),
    deployedProcessDefinitions: definitions === null ? null : Object.fromEntries(definitions.map((p) => [p.id, processDefinitionDto(p)])),
    deployedCaseDefinitions: null,
    deployedDecisionDefinitions: null,
    deployedDecisionRequirementsDefinitions: null,
  };
}

/** Camunda's DeploymentResourceDto. */
export function resourceDto(r: ResourceEntity) {
  return { id: r.id, name: r.name, deploymentId: r.deploymentId };
}

const MEDIA_TYPES: [RegExp, string][] = [
  [/\.(bpmn|bpmn20\.xml|dmn|dmn11\.xml|cmmn|cmmn11\.xml|xml)$/i, 'application/xml'],
  [/\.png$/i, 'image/png'], [/\.svg$/i, 'image/svg+xml'], [/\.(jpg|jpeg)$/i, 'image/jpeg'], [/\.gif$/i, 'image/gif'],
  [/\.(form|json)$/i, 'application/json'], [/\.(html|htm)$/i, 'text/html'], [/\.js$/i, 'application/javascript'],
  [/\.css$/i, 'text/css'], [/\.txt$/i, 'text/plain'],
];

/** Media type of a deployed resource by its file name (octet-stream when unknown). */
export function resourceMediaType(name: string): string {
  return MEDIA_TYPES.find(([pattern]) => pattern.test(name))?.[1] ?? 'application/octet-stream';
}
