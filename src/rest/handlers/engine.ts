import type { Handler } from '../reply.js';
import { ok } from '../reply.js';

/** The Camunda version m8flow answers to clients (they gate features on it). */
export const CAMUNDA_VERSION = '7.23.0';

export const engineHandlers: Record<string, Handler> = {
  getProcessEngineNames: async () => ok([{ name: 'default' }]),
  getRestAPIVersion: async () => ok({ version: CAMUNDA_VERSION }),
};
