import { createHash } from 'node:crypto';
import type { Command } from '../../command/Command.js';
import type { CommandContext } from '../../command/CommandContext.js';
import { engineError } from '../../errors/EngineError.js';
import type { ProcessGraph } from '../../model/graph/ProcessGraph.js';
import {
  SUSPENSION_ACTIVE, type DeploymentEntity, type IdentityLinkEntity, type ProcessDefinitionEntity, type ResourceEntity,
} from '../../persistence/ports/entities.js';
import { where } from '../../persistence/ports/query.js';
import { duplicateDeployment } from './duplicateFilter.js';

export interface DeploymentResource {
  name: string;
  bytes: Buffer;
}

export interface DeploymentRequest {
  name: string | null;
  source: string | null;
  tenantId: string | null;
  enableDuplicateFiltering: boolean;
  deployChangedOnly: boolean;
  resources: readonly DeploymentResource[];
}

export interface DeploymentResult {
  deployment: DeploymentEntity;
  /** Null when duplicate filtering found nothing new (Camunda returns the existing deployment). */
  processDefinitions: ProcessDefinitionEntity[] | null;
}

const BPMN_SUFFIXES = ['.bpmn20.xml', '.bpmn'];
const DIAGRAM_SUFFIXES = ['png', 'jpg', 'jpeg', 'gif', 'svg'];

export function isBpmnResource(name: string): boolean {
  return BPMN_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

/** Graph parser and cache hooks the deployer needs. */
export interface Deployer {
  parse(resourceName: string, xml: string): Promise<{ processes: readonly ProcessGraph[]; targetNamespace: string | null }>;
  remember(processDefinitionId: string, graph: ProcessGraph): void;
}

function diagramFor(resource: string, key: string, names: readonly string[]): string | null {
  const base = BPMN_SUFFIXES.reduce((n, s) => (n.endsWith(s) ? n.slice(0, -s.length) : n), resource);
  for (const suffix of DIAGRAM_SUFFIXES) {
    for (const candidate of [`${base}.${key}.${suffix}`, `${base}.${suffix}`]) if (names.includes(candidate)) return candidate;
  }
  return null;
}

async function nextVersion(ctx: CommandContext, key: string, tenantId: string | null): Promise<number> {
  const [latest] = await ctx.uow.find('processDefinition', {
    where: where.and(where.eq('key', key), where.eq('tenantId', tenantId)),
    orderBy: [{ field: 'version', direction: 'desc' }], limit: 1,
  });
  return (latest?.version ?? 0) + 1;
}

function definitionId(ctx: CommandContext, key: string, version: number): string {
  const id = `${key}:${version}:${ctx.ids.next()}`;
  return id.length > 64 ? ctx.ids.next() : id;
}

/**
 * The candidate starters of a new definition as identity links of type `candidate` (Camunda's
 * BpmnDeployer.addAuthorizations): one per user and group, as written in the model (expressions
 * are stored as their text, not evaluated), with the definition's tenant.
 */
export function candidateStarterLinks(ctx: CommandContext, definition: ProcessDefinitionEntity, graph: ProcessGraph): IdentityLinkEntity[] {
  const link = (userId: string | null, groupId: string | null): IdentityLinkEntity => ({
    id: ctx.ids.next(), rev: 1, type: 'candidate', userId, groupId, taskId: null,
    processDefinitionId: definition.id, tenantId: definition.tenantId,
  });
  return [...graph.candidateStarterUsers.map((u) => link(u, null)), ...graph.candidateStarterGroups.map((g) => link(null, g))];
}

/**
 * Deploys resources (Camunda's DeployCmd): every BPMN resource is parsed first, so a broken
 * model deploys nothing; each executable process becomes a new definition version per key and
 * tenant. With duplicate filtering an unchanged deployment returns the existing one.
 */
export class DeployCmd implements Command<DeploymentResult> {
  readonly name = 'DeployCmd';

  constructor(private readonly request: DeploymentRequest, private readonly deployer: Deployer) {}

  async execute(ctx: CommandContext): Promise<DeploymentResult> {
    const { request } = this;
    if (request.resources.length === 0) throw engineError('notValid', 'No deployment resources contained to deploy.');
    let resources = request.resources;
    if (request.enableDuplicateFiltering) {
      const filtered = await duplicateDeployment(ctx, request);
      if (filtered.unchanged) return { deployment: filtered.unchanged, processDefinitions: null };
      if (request.deployChangedOnly) resources = filtered.changed;
    }
    const parsed = [];
    for (const resource of resources) {
      if (!isBpmnResource(resource.name)) continue;
      parsed.push({ resource, result: await this.deployer.parse(resource.name, resource.bytes.toString('utf8')) });
    }
    const deployment: DeploymentEntity = {
      id: ctx.ids.next(), name: request.name, source: request.source, deploymentTime: ctx.clock.now(), tenantId: request.tenantId,
    };
    ctx.uow.insert('deployment', deployment);
    for (const resource of resources) ctx.uow.insert('resource', this.resourceRow(ctx, deployment, resource));
    const names = resources.map((r) => r.name);
    const definitions: ProcessDefinitionEntity[] = [];
    for (const { resource, result } of parsed) {
      for (const graph of result.processes) {
        const definition = await this.definitionRow(ctx, deployment, resource.name, graph, result.targetNamespace, names);
        ctx.uow.insert('processDefinition', definition);
        for (const link of candidateStarterLinks(ctx, definition, graph)) ctx.uow.insert('identityLink', link);
        ctx.afterCommit(() => this.deployer.remember(definition.id, graph));
        definitions.push(definition);
      }
    }
    return { deployment, processDefinitions: definitions };
  }

  private resourceRow(ctx: CommandContext, deployment: DeploymentEntity, resource: DeploymentResource): ResourceEntity {
    return {
      id: ctx.ids.next(), deploymentId: deployment.id, name: resource.name, bytes: resource.bytes,
      checksum: createHash('sha256').update(resource.bytes).digest('hex'),
    };
  }

  private async definitionRow(ctx: CommandContext, deployment: DeploymentEntity, resourceName: string,
    graph: ProcessGraph, category: string | null, names: readonly string[]): Promise<ProcessDefinitionEntity> {
    const version = await nextVersion(ctx, graph.key, deployment.tenantId);
    return {
      id: definitionId(ctx, graph.key, version), rev: 1, key: graph.key, name: graph.name, description: graph.documentation,
      category, version, versionTag: graph.versionTag, deploymentId: deployment.id, resourceName,
      diagramResourceName: diagramFor(resourceName, graph.key, names), tenantId: deployment.tenantId,
      suspensionState: SUSPENSION_ACTIVE, hasStartFormKey: graph.startFormKey !== null,
      startableInTasklist: graph.isStartableInTasklist, historyTimeToLive: graph.historyTimeToLive,
      deploymentTime: deployment.deploymentTime,
    };
  }
}
