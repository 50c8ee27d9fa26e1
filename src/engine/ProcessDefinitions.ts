import type { CommandContext, DeployedProcess, ProcessRepository } from '../command/CommandContext.js';
import { engineError } from '../errors/EngineError.js';
import { DeploymentCache } from '../model/DeploymentCache.js';
import { parseBpmn } from '../model/parse/BpmnParser.js';
import type { ProcessGraph } from '../model/graph/ProcessGraph.js';
import { where } from '../persistence/ports/query.js';

/**
 * Deployed processes: definition rows from the unit of work, graphs from the deployment cache,
 * rebuilt from the stored BPMN on a miss (for instance after a restart).
 */
export class ProcessDefinitions implements ProcessRepository {
  readonly cache = new DeploymentCache();

  async get(ctx: CommandContext, processDefinitionId: string): Promise<DeployedProcess> {
    const definition = await ctx.uow.get('processDefinition', processDefinitionId);
    if (!definition) throw engineError('notFound', `no deployed process definition found with id '${processDefinitionId}'`);
    const graph = await this.cache.get(processDefinitionId, async () => {
      const [resource] = await ctx.uow.find('resource', {
        where: where.and(where.eq('deploymentId', definition.deploymentId), where.eq('name', definition.resourceName)),
      });
      if (!resource) throw engineError('processEngine', `Resource ${definition.resourceName} of deployment ${definition.deploymentId} is missing`);
      return { xml: resource.bytes.toString('utf8'), resourceName: resource.name, key: definition.key };
    });
    return { definition, graph };
  }

  /** Registers a graph parsed during deployment, so the first start needs no re-parse. */
  remember(processDefinitionId: string, graph: ProcessGraph): void {
    this.cache.put(processDefinitionId, graph);
  }

  forget(processDefinitionId: string): void {
    this.cache.remove(processDefinitionId);
  }

  /** Parses a BPMN resource (for deployment). */
  parse(resourceName: string, xml: string) {
    return parseBpmn(resourceName, xml);
  }
}
