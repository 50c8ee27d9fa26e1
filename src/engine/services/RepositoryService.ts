import type { CommandExecutor } from '../../command/CommandExecutor.js';
import { command } from '../../command/Command.js';
import { DeployCmd, type Deployer, type DeploymentRequest, type DeploymentResult } from '../../commands/repository/DeployCmd.js';
import { deploymentQuery, deploymentQueryFor } from '../../commands/repository/deploymentQuery.js';
import { deleteDeployment, type DeleteDeploymentOptions } from '../../commands/repository/deleteDeployment.js';
import {
  getProcessDefinition, latestProcessDefinition, processDefinitionQuery, processDefinitionQueryFor,
} from '../../commands/repository/processDefinitionQuery.js';
import { count, describe, list } from '../../commands/query/QueryDefinition.js';
import { engineError } from '../../errors/EngineError.js';
import type { DeploymentEntity, ProcessDefinitionEntity, ResourceEntity } from '../../persistence/ports/entities.js';
import { where } from '../../persistence/ports/query.js';
import type { QueryRequest } from '../query/QueryRequest.js';
import type { AuthContext } from '../../command/CommandContext.js';

/** Deployments and process definitions (Camunda's RepositoryService). */
export class RepositoryService {
  static readonly deploymentQuery = describe(deploymentQuery);
  static readonly processDefinitionQuery = describe(processDefinitionQuery);

  constructor(private readonly executor: CommandExecutor, private readonly deployer: Deployer) {}

  deploy(request: DeploymentRequest, auth?: AuthContext): Promise<DeploymentResult> {
    return this.executor.execute(new DeployCmd(request, this.deployer), auth);
  }

  queryDeployments(request: QueryRequest): Promise<DeploymentEntity[]> {
    return this.executor.execute(command('QueryDeployments', (ctx) => list(ctx, deploymentQueryFor(request.filters), request), true));
  }

  countDeployments(request: QueryRequest): Promise<number> {
    return this.executor.execute(command('CountDeployments', (ctx) => count(ctx, deploymentQueryFor(request.filters), request), true));
  }

  getDeployment(id: string): Promise<DeploymentEntity> {
    return this.executor.execute(command('GetDeployment', async (ctx) => {
      const deployment = await ctx.uow.get('deployment', id);
      if (!deployment) throw engineError('restNotFound', `Deployment with id '${id}' does not exist`);
      return deployment;
    }, true));
  }

  deleteDeployment(id: string, options: DeleteDeploymentOptions): Promise<void> {
    return this.executor.execute(command('DeleteDeployment', (ctx) => deleteDeployment(ctx, id, options)));
  }

  /** Resources of a deployment, without their bytes loaded into the answer. */
  getDeploymentResources(deploymentId: string): Promise<ResourceEntity[]> {
    return this.executor.execute(command('GetDeploymentResources', async (ctx) => {
      const deployment = await ctx.uow.get('deployment', deploymentId);
      if (!deployment) throw engineError('restNotFound', `Deployment resources for deployment id '${deploymentId}' do not exist.`);
      return ctx.uow.find('resource', { where: where.eq('deploymentId', deploymentId), orderBy: [{ field: 'name', direction: 'asc' }] });
    }, true));
  }

  getDeploymentResource(deploymentId: string, resourceId: string): Promise<ResourceEntity> {
    return this.executor.execute(command('GetDeploymentResource', async (ctx) => {
      const resource = await ctx.uow.get('resource', resourceId);
      if (!resource || resource.deploymentId !== deploymentId) {
        throw engineError('restNotFound', `Deployment resource with resource id '${resourceId}' for deployment id '${deploymentId}' does not exist.`);
      }
      return resource;
    }, true));
  }

  /** Process definitions; `auth` gives `startableBy` the groups of the caller when it asks about itself. */
  queryProcessDefinitions(request: QueryRequest, auth?: AuthContext): Promise<ProcessDefinitionEntity[]> {
    return this.executor.execute(command('QueryProcessDefinitions', (ctx) => list(ctx, processDefinitionQueryFor(request.filters), request), true), auth);
  }

  countProcessDefinitions(request: QueryRequest, auth?: AuthContext): Promise<number> {
    return this.executor.execute(command('CountProcessDefinitions', (ctx) => count(ctx, processDefinitionQueryFor(request.filters), request), true), auth);
  }

  getProcessDefinition(id: string): Promise<ProcessDefinitionEntity> {
    return this.executor.execute(command('GetProcessDefinition', (ctx) => getProcessDefinition(ctx, id), true));
  }

  /** Latest version by key; `tenantId` undefined means "the key must not be ambiguous across tenants". */
  getLatestProcessDefinition(key: string, tenantId?: string | null): Promise<ProcessDefinitionEntity> {
    return this.executor.execute(command('GetLatestProcessDefinition', (ctx) => latestProcessDefinition(ctx, key, tenantId), true));
  }

  /** The BPMN XML of a definition. */
  getProcessModel(id: string): Promise<{ definition: ProcessDefinitionEntity; xml: string }> {
    return this.executor.execute(command('GetProcessModel', async (ctx) => {
      const definition = await getProcessDefinition(ctx, id);
      const [resource] = await ctx.uow.find('resource', {
        where: where.and(where.eq('deploymentId', definition.deploymentId), where.eq('name', definition.resourceName)),
      });
      if (!resource) throw engineError('restNotFound', `No matching definition with id ${id}`);
      return { definition, xml: resource.bytes.toString('utf8') };
    }, true));
  }
}
