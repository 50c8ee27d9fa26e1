import type { Handler } from '../reply.js';
import { deploymentHandlers } from './deployment.js';
import { engineHandlers } from './engine.js';
import { externalTaskHandlers } from './externalTask.js';
import { historyHandlers } from './history.js';
import { incidentHandlers } from './incident.js';
import { historyVariableHandlers } from './historyVariables.js';
import { processDefinitionHandlers } from './processDefinition.js';
import { processInstanceHandlers } from './processInstance.js';
import { taskHandlers } from './task.js';
import { variableHandlers } from './variableRoutes.js';

/** Every implemented operation by Camunda's operationId; the rest answer 501. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  ...engineHandlers,
  ...deploymentHandlers,
  ...processDefinitionHandlers,
  ...processInstanceHandlers,
  ...taskHandlers,
  ...externalTaskHandlers,
  ...variableHandlers('execution-local'),
  ...historyHandlers,
  ...incidentHandlers,
  ...historyVariableHandlers,
};
