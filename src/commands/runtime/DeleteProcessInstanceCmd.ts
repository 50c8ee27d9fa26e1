import type { Command } from '../../command/Command.js';
import type { CommandContext } from '../../command/CommandContext.js';
import { engineError } from '../../errors/EngineError.js';
import { endProcessInstance } from '../../execution/operations/processEnd.js';
import { InstanceRuntime } from '../../execution/runtime/InstanceRuntime.js';

export interface DeleteProcessInstanceOptions {
  deleteReason?: string | null;
  skipCustomListeners?: boolean;
  skipIoMappings?: boolean;
  skipSubprocesses?: boolean;
  /** Do not fail when the instance does not exist (Camunda's failIfNotExists=false). */
  failIfNotExists?: boolean;
}

/**
 * Deletes a running process instance (Camunda's DeleteProcessInstanceCmd): open activity
 * instances are canceled and the historic instance ends as EXTERNALLY_TERMINATED.
 */
export class DeleteProcessInstanceCmd implements Command<void> {
  readonly name = 'DeleteProcessInstanceCmd';

  constructor(private readonly processInstanceId: string, private readonly options: DeleteProcessInstanceOptions = {}) {}

  async execute(ctx: CommandContext): Promise<void> {
    const pi = await ctx.uow.get('execution', this.processInstanceId);
    if (!pi || pi.parentId !== null) {
      if (this.options.failIfNotExists === false) return;
      throw engineError('notFound', `No process instance found for id '${this.processInstanceId}': processInstance is null`);
    }
    const runtime = await InstanceRuntime.load(ctx, this.processInstanceId);
    await endProcessInstance(runtime, {
      state: 'EXTERNALLY_TERMINATED', endActivityId: null, deleteReason: this.options.deleteReason ?? null,
      cancelActivities: true, skipCustomListeners: this.options.skipCustomListeners ?? false,
    });
  }
}
