import { TableColumn, type QueryRunner, type MigrationInterface } from 'typeorm';
import { parseColumn, sqlType, type ColumnSpec, type Dialect } from '../columnKinds.js';
import { createIndex, createTable, type TableSnapshot } from './tableBuilder.js';

/** ACT_HI_INCIDENT as first created; frozen like every migration. */
const HI_INCIDENT: TableSnapshot = {
  id: 'id', rev: 'int', process_definition_key: 'string?', process_definition_id: 'id?',
  root_process_instance_id: 'id?', process_instance_id: 'id?', execution_id: 'id?', create_time: 'date',
  end_time: 'date?', incident_message: 'text?', incident_type: 'string', activity_id: 'string?',
  failed_activity_id: 'string?', cause_incident_id: 'id?', root_cause_incident_id: 'id?',
  configuration: 'string?', history_configuration: 'string?', incident_state: 'int', tenant_id: 'id?',
  job_definition_id: 'id?', annotation: 'text?', removal_time: 'date?',
};

/** New nullable columns: table → column → kind. */
const COLUMNS: [string, string, ColumnSpec][] = [
  ['m8_execution', 'super_execution_id', 'id?'],
  ['m8_process_definition', 'deployment_time', 'date?'],
];

const INDEXES: [string, string[]][] = [
  ['m8_execution', ['super_execution_id']],
  ['m8_identity_link', ['process_definition_id']],
  ['m8_hi_incident', ['process_instance_id']],
  ['m8_hi_incident', ['process_definition_id']],
];

function dialectOf(runner: QueryRunner): Dialect {
  return runner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * What the query filters of Camunda's process definition, process instance and historic process
 * instance queries need: the super execution of called instances (SUPER_EXEC_), the deployment
 * time on definitions (ordering by deployment time), the historic incident table, and indexes
 * for definition identity links (candidate starters).
 */
export class QueryFilterSupport1764521000000 implements MigrationInterface {
  name = 'QueryFilterSupport1764521000000';

  async up(runner: QueryRunner): Promise<void> {
    const dialect = dialectOf(runner);
    for (const [table, column, spec] of COLUMNS) {
      const { kind } = parseColumn(spec);
      await runner.addColumn(table, new TableColumn({ name: column, type: sqlType(kind, dialect), isNullable: true }));
    }
    await runner.query('UPDATE "m8_process_definition" SET "deployment_time" = '
      + '(SELECT d."deployment_time" FROM "m8_deployment" d WHERE d."id" = "m8_process_definition"."deployment_id")');
    await createTable(runner, 'm8_hi_incident', HI_INCIDENT);
    for (const [table, columns] of INDEXES) await createIndex(runner, table, columns);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('m8_hi_incident', true);
    for (const [table, columns] of INDEXES.filter(([t]) => t !== 'm8_hi_incident')) {
      await runner.dropIndex(table, `ix_${table}_${columns.join('_')}`.slice(0, 60));
    }
    for (const [table, column] of [...COLUMNS].reverse()) await runner.dropColumn(table, column);
  }
}
