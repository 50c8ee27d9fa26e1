import { HistoryService } from '../../api.js';
import type { QueryDescriptor } from '../../api.js';
import { defaultCodec } from '../../api.js';
import { typedValueToDto } from '../../api.js';
import type { HistoricVariableInstanceEntity } from '../../api.js';
import { formatDate } from '../../api.js';
import { restError } from '../errors.js';
import { queryFromBody, queryFromParams } from '../query/queryParams.js';
import type { Handler, HandlerContext } from '../reply.js';
import { ok } from '../reply.js';
import { binaryReply } from './variables/binary.js';
import { booleanParam } from './variables/requestBody.js';

const descriptor = HistoryService.queries['variableInstance'] as QueryDescriptor;

/**
 * Camunda's HistoricVariableInstanceDto: the row's fields plus `type`/`value`/`valueInfo` as
 * `VariableValueDto.fromTypedValue` renders them. History queries disable binary fetching, so
 * Bytes values are null (fetch them from `/data`); `deserializeValues` decides whether a JSON
 * Object value is parsed. `errorMessage` is always null: every stored row decodes.
 */
export function historicVariableInstanceDto(row: HistoricVariableInstanceEntity, deserializeValues: boolean): Record<string, unknown> {
  const value = typedValueToDto(defaultCodec.decode(row), { deserializeValues, includeBinary: false });
  return {
    type: value.type, value: value.value, valueInfo: value.valueInfo,
    id: row.id, name: row.name, processDefinitionKey: row.processDefinitionKey,
    processDefinitionId: row.processDefinitionId, processInstanceId: row.processInstanceId,
    executionId: row.executionId, activityInstanceId: row.activityInstanceId, caseDefinitionKey: null,
    caseDefinitionId: null, caseInstanceId: null, caseExecutionId: null, taskId: row.taskId,
    tenantId: row.tenantId, errorMessage: null, state: row.state, createTime: formatDate(row.createTime),
    removalTime: formatDate(row.removalTime), rootProcessInstanceId: row.rootProcessInstanceId,
  };
}

/**
 * A historic variable by id, as `HistoricVariableInstanceResourceImpl` queries it (`variableId`,
 * deleted variables excluded): 404 "Historic variable instance with Id '…' does not exist.".
 */
async function requireHistoricVariable(c: HandlerContext): Promise<HistoricVariableInstanceEntity> {
  const id = c.params['id'] ?? '';
  const message = `Historic variable instance with Id '${id}' does not exist.`;
  const row = await c.engine.history.get('variableInstance', id, message);
  if (row.state === 'DELETED') throw restError(404, message, 'InvalidRequestException');
  return row;
}

function rowsToDtos(rows: HistoricVariableInstanceEntity[], c: HandlerContext): Record<string, unknown>[] {
  const deserialize = booleanParam(c.query, 'deserializeValues');
  return rows.map((row) => historicVariableInstanceDto(row, deserialize));
}

/** GET/POST /history/variable-instance (+ /count, /{id}, /{id}/data), Camunda's historic variable instance API. */
export const historyVariableHandlers: Record<string, Handler> = {
  getHistoricVariableInstances: async (c) =>
    ok(rowsToDtos(await c.engine.history.query('variableInstance', queryFromParams(c.query, descriptor)), c)),
  queryHistoricVariableInstances: async (c) =>
    ok(rowsToDtos(await c.engine.history.query('variableInstance', queryFromBody(c.body, c.query, descriptor)), c)),
  getHistoricVariableInstancesCount: async (c) =>
    ok({ count: await c.engine.history.count('variableInstance', queryFromParams(c.query, descriptor)) }),
  queryHistoricVariableInstancesCount: async (c) =>
    ok({ count: await c.engine.history.count('variableInstance', queryFromBody(c.body, {}, descriptor)) }),
  // The real resource reads `deserializeValue` (AbstractResourceProvider), not the documented `deserializeValues`.
  getHistoricVariableInstance: async (c) =>
    ok(historicVariableInstanceDto(await requireHistoricVariable(c), booleanParam(c.query, 'deserializeValue'))),
  getHistoricVariableInstanceBinary: async (c) =>
    binaryReply(defaultCodec.decode(await requireHistoricVariable(c)), c.params['id'] ?? ''),
};
