import type { ElementModule } from '../ProcessScope.js';
import { endEvent } from './endEvent.js';
import { exclusiveGateway } from './exclusiveGateway.js';
import { parallelGateway } from './parallelGateway.js';
import { scriptTask } from './scriptTask.js';
import { sequenceFlow } from './sequenceFlow.js';
import { serviceTask } from './serviceTask.js';
import { startEvent } from './startEvent.js';
import { userTask } from './userTask.js';

/**
 * The element registry: moddle `$type` → parse module (the bpmn-engine TypeResolver idea). A flow
 * element whose type is neither here nor in {@link IGNORED_FLOW_ELEMENTS} is reported as not
 * supported yet, never skipped.
 */
export const elementModules: ReadonlyMap<string, ElementModule> = new Map<string, ElementModule>([
  ['bpmn:StartEvent', startEvent],
  ['bpmn:EndEvent', endEvent],
  ['bpmn:UserTask', userTask],
  ['bpmn:ServiceTask', serviceTask],
  ['bpmn:ScriptTask', scriptTask],
  ['bpmn:ExclusiveGateway', exclusiveGateway],
  ['bpmn:ParallelGateway', parallelGateway],
  ['bpmn:SequenceFlow', sequenceFlow],
]);

/** Flow elements that carry data only and do not execute; Camunda skips them too. */
export const IGNORED_FLOW_ELEMENTS: ReadonlySet<string> = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);
