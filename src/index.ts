/**
 * m8flow's package entry: the engine API plus the Camunda-compatible REST application factory.
 */
export * from './api.js';
export { createApp, type AppOptions } from './rest/app.js';
