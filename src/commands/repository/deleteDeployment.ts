import type { CommandContext } from '../../command/CommandContext.js';
import { engineError } from '../../errors/EngineError.js';
import { where } from '../../persistence/ports/query.js';
import { DeleteProcessInstanceCmd } from '../runtime/DeleteProcessInstanceCmd.js';

export interface DeleteDeploymentOptions {
  cascade?: boolean;
  skipCustomListeners?: boolean;
  skipIoMappings?: boolean;
}

/**
 * Deletes a deployment with its resources and definitions (Camunda's DeleteDeploymentCmd).
 * Without `cascade` it fails while instances of its definitions run; with it they are deleted,
 * and so is their history.
 */
export async function deleteDeployment(ctx: CommandContext, id: string, options: DeleteDeploymentOptions): Promise<void> {
  const deployment = await ctx.uow.get('deployment', id);
  if (!deployment) throw engineError('restNotFound', `Deployment with id '${id}' do not exist`);
  const definitions = await ctx.uow.find('processDefinition', { where: where.eq('deploymentId', id) });
  const definitionIds = definitions.map((d) => d.id);
  if (definitionIds.length > 0) {
    const instances = await ctx.uow.find('execution', {
      where: where.and(where.in('processDefinitionId', definitionIds), where.isNull('parentId')),
    });
    if (instances.length > 0 && !options.cascade) {
      const definitionId = instances[0]?.processDefinitionId ?? '';
      const dependent = instances.filter((i) => i.processDefinitionId === definitionId).length;
      throw engineError('processEngine', `ENGINE-03076 Deletion of process definition without cascading failed. Process definition with id: ${definitionId} can't be deleted, because there are ${dependent} dependent process instances.`);
    }
    for (const instance of instances) {
      await new DeleteProcessInstanceCmd(instance.id, { deleteReason: 'deleted deployment', ...options }).execute(ctx);
    }
    if (options.cascade) {
      for (const entity of ['historicProcessInstance', 'historicActivityInstance', 'historicTaskInstance', 'historicVariableInstance', 'historicVariableUpdate', 'historicIncident', 'historicIdentityLink'] as const) {
        ctx.uow.deleteWhere(entity, where.in('processDefinitionId', definitionIds));
      }
    }
  }
  // Camunda's deleteIdentityLinksByProcDef: candidate starters go with their definition.
  if (definitionIds.length > 0) ctx.uow.deleteWhere('identityLink', where.in('processDefinitionId', definitionIds));
  for (const definition of definitions) ctx.uow.delete('processDefinition', definition);
  ctx.uow.deleteWhere('resource', where.eq('deploymentId', id));
  ctx.uow.delete('deployment', deployment);
}
