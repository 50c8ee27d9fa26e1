import { RepositoryService } from '../../api.js';
import type { ProcessDefinitionEntity } from '../../api.js';
import { processDefinitionDto } from '../dto/repository.js';
import { processInstanceDto } from '../dto/runtime.js';
import { restError, wrapError } from '../errors.js';
import { queryFromParams } from '../query/queryParams.js';
import { startInstructionsIn } from './startInstructions.js';
import type { Handler, HandlerContext } from '../reply.js';
import { ok } from '../reply.js';
import { variablesInFor, variablesOut } from '../variables.js';

type Resolve = (c: HandlerContext) => Promise<ProcessDefinitionEntity>;

const byId: Resolve = (c) => c.engine.repository.getProcessDefinition(c.params['id'] ?? '');
const byKey: Resolve = (c) => c.engine.repository.getLatestProcessDefinition(c.params['key'] ?? '', null);
const byKeyAndTenant: Resolve = (c) => c.engine.repository.getLatestProcessDefinition(c.params['key'] ?? '', c.params['tenant-id'] ?? '');

function body(c: HandlerContext): Record<string, unknown> {
  return c.body && typeof c.body === 'object' ? (c.body as Record<string, unknown>) : {};
}

/**
 * POST …/start (Camunda's ProcessDefinitionResource.startProcessInstance). By key the definition
 * is resolved first (404 when missing); by id the engine's failure is wrapped like any other
 * (500 RestException), as Camunda's resource does.
 */
function start(resolve: Resolve | null): Handler {
  return async (c) => {
    const definition = resolve ? await resolve(c) : { id: c.params['id'] ?? '' };
    const dto = body(c);
    const prefix = `Cannot instantiate process definition ${definition.id}`;
    const variables = variablesInFor(dto['variables'], prefix);
    const withVariablesInReturn = dto['withVariablesInReturn'] === true;
    const businessKey = typeof dto['businessKey'] === 'string' ? dto['businessKey'] : null;
    let startInstructions;
    try {
      startInstructions = startInstructionsIn(dto['startInstructions'], variables);
    } catch (error) {
      throw wrapError(error, 400, (m) => `${prefix}: ${m}`, 'InvalidRequestException');
    }
    if (typeof dto['caseInstanceId'] === 'string') {
      throw restError(400, `${prefix}: M8-02004 caseInstanceId is not supported (m8flow has no CMMN)`);
    }
    const started = await c.engine.runtime.startProcessInstance({
      processDefinitionId: definition.id, businessKey, variables, withVariablesInReturn,
      skipCustomListeners: dto['skipCustomListeners'] === true, startInstructions,
    }).catch((error: unknown) => {
      throw wrapError(error, 500, (m) => `${prefix}: ${m}`);
    });
    const result: Record<string, unknown> = processInstanceDto(started.instance, started.ended, c.baseUrl);
    if (withVariablesInReturn) result['variables'] = variablesOut(started.variables ?? new Map());
    return ok(result);
  };
}

/** GET …/xml: `{id, bpmn20Xml}`. */
function xml(resolve: Resolve): Handler {
  return async (c) => {
    const definition = await resolve(c);
    const model = await c.engine.repository.getProcessModel(definition.id);
    return ok({ id: definition.id, bpmn20Xml: model.xml });
  };
}

function get(resolve: Resolve): Handler {
  return async (c) => ok(processDefinitionDto(await resolve(c)));
}

/** GET …/form-variables: start form fields are not modelled yet, so the start variables are empty. */
function formVariables(resolve: Resolve): Handler {
  return async (c) => {
    await resolve(c);
    return ok({});
  };
}

/** The list query (Camunda's ProcessDefinitionQueryDto: every filter, incl. tenant and incident flags). */
const definitionQuery = (c: HandlerContext) => queryFromParams(c.query, RepositoryService.processDefinitionQuery);

export const processDefinitionHandlers: Record<string, Handler> = {
  getProcessDefinitions: async (c) => ok((await c.engine.repository.queryProcessDefinitions(definitionQuery(c))).map(processDefinitionDto)),
  getProcessDefinitionsCount: async (c) => ok({ count: await c.engine.repository.countProcessDefinitions(definitionQuery(c)) }),
  getProcessDefinition: get(byId),
  getProcessDefinitionByKey: get(byKey),
  getLatestProcessDefinitionByTenantId: get(byKeyAndTenant),
  getProcessDefinitionBpmn20Xml: xml(byId),
  getProcessDefinitionBpmn20XmlByKey: xml(byKey),
  getProcessDefinitionBpmn20XmlByKeyAndTenantId: xml(byKeyAndTenant),
  startProcessInstance: start(null),
  startProcessInstanceByKey: start(byKey),
  startProcessInstanceByKeyAndTenantId: start(byKeyAndTenant),
  getStartFormVariables: formVariables(byId),
  getStartFormVariablesByKey: formVariables(byKey),
  getStartFormVariablesByKeyAndTenantId: formVariables(byKeyAndTenant),
};

