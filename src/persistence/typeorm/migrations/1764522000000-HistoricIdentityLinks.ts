import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndex, createTable, type TableSnapshot } from './tableBuilder.js';

/** ACT_HI_IDENTITYLINK as first created; frozen like every migration. */
const HI_IDENTITY_LINK: TableSnapshot = {
  id: 'id', timestamp: 'date', type: 'string?', user_id: 'string?', group_id: 'string?', task_id: 'id?',
  process_definition_id: 'id?', process_definition_key: 'string?', root_process_instance_id: 'id?',
  operation_type: 'string', assigner_id: 'string?', tenant_id: 'id?', removal_time: 'date?',
};

/**
 * The history of task identity links (Camunda's ACT_HI_IDENTITYLINK), which the historic task
 * query's taskInvolvedUser/Group, taskHadCandidateUser/Group and with(out)CandidateGroups read.
 */
export class HistoricIdentityLinks1764522000000 implements MigrationInterface {
  name = 'HistoricIdentityLinks1764522000000';

  async up(runner: QueryRunner): Promise<void> {
    await createTable(runner, 'm8_hi_identity_link', HI_IDENTITY_LINK);
    await createIndex(runner, 'm8_hi_identity_link', ['task_id']);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('m8_hi_identity_link', true);
  }
}
