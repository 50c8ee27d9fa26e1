import type { DeploymentEntity, ProcessDefinitionEntity, ResourceEntity } from '../../api.js';
import { SUSPENSION_SUSPENDED } from '../../api.js';
import { formatDate } from '../../api.js';

export interface AtomLink {
  method: string;
  href: string;
  rel: string;
}

export function selfLink(baseUrl: string, path: string): AtomLink {
  return { method: 'GET', href: `${baseUrl}${path}`, rel: 'self' };
}

/** Camunda's DeploymentDto; only the create response carries a self link (`baseUrl` given). */
export function deploymentDto(d: DeploymentEntity, baseUrl: string | null = null) {
  return {
    links: baseUrl === null ? [] : [selfLink(baseUrl, `/deployment/${d.id}`)],
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

/**
 * Camunda's DeploymentWithDefinitionsDto: definition maps keyed by id, null when no definition was
 * deployed (a duplicate-filtered redeploy, or only non-BPMN resources).
 */
export function deploymentWithDefinitionsDto(d: DeploymentEntity, definitions: readonly ProcessDefinitionEntity[] | null, baseUrl: string) {
  return {
    ...deploymentDto(d, baseUrl),
    deployedProcessDefinitions: definitions === null || definitions.length === 0
      ? null : Object.fromEntries(definitions.map((p) => [p.id, processDefinitionDto(p)])),
    deployedCaseDefinitions: null,
    deployedDecisionDefinitions: null,
    deployedDecisionRequirementsDefinitions: null,
  };
}

/** Camunda's DeploymentResourceDto. */
export function resourceDto(r: ResourceEntity) {
  return { id: r.id, name: r.name, deploymentId: r.deploymentId };
}

/** Camunda's media types by the resource name's last extension (DeploymentResourcesResourceImpl). */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  bpmn: 'application/xml', cmmn: 'application/xml', dmn: 'application/xml', json: 'application/json', xml: 'application/xml',
  gif: 'image/gif', jpeg: 'image/jpeg', jpe: 'image/jpeg', jpg: 'image/jpeg', png: 'image/png', svg: 'image/svg+xml',
  tiff: 'image/tiff', tif: 'image/tiff', groovy: 'text/plain', java: 'text/plain', js: 'text/plain', php: 'text/plain',
  py: 'text/plain', rb: 'text/plain', html: 'text/html', txt: 'text/plain',
};

/** Media type of a deployed resource by its file name (octet-stream when unknown). */
export function resourceMediaType(name: string): string {
  const extension = name.split('.').pop() ?? '';
  return MEDIA_TYPES[extension] ?? 'application/octet-stream';
}

/** Camunda's `attachment; filename="x"; filename*=UTF-8''x` (URLEncoder-style escaping). */
export function attachmentDisposition(resourceName: string): string {
  const file = resourceName.replace(/\\/g, '/').split('/').pop() || 'data';
  const encoded = encodeURIComponent(file).replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const plain = file.replace(/[^\x20-\x7e]/g, '?').replace(/"/g, '\\"');
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
}
