import type { ParseProblem } from '../../errors/EngineError.js';

/**
 * The immutable, executable form of one BPMN process, built once per process definition from its
 * XML and cached. Expressions are kept as text; the execution layer compiles them on first use.
 * Activity `type` values are Camunda's activity types (ActivityTypes), as the REST API reports them.
 */

/** A condition on a sequence flow or a conditional event. */
export interface ConditionExpression {
  /** 'juel' for `${…}` expressions, otherwise the script language (e.g. 'javascript'). */
  language: string;
  text: string;
  /** Script resource (`camunda:resource`) instead of inline text. */
  resource: string | null;
}

export interface SequenceFlow {
  readonly id: string;
  readonly name: string | null;
  readonly sourceId: string;
  readonly targetId: string;
  readonly condition: ConditionExpression | null;
  /** `camunda:executionListener`s of the flow; Camunda fires them all on `take`, whatever their event. */
  readonly executionListeners?: readonly ListenerDefinition[];
  /** `bpmn:documentation` texts, trimmed and joined by a blank line (Camunda's parseDocumentation). */
  readonly documentation?: string | null;
}

/** `camunda:executionListener` / `camunda:taskListener`. */
export interface ListenerDefinition {
  event: string;
  kind: 'class' | 'expression' | 'delegateExpression' | 'script';
  /** Class name, expression text, or script source. */
  value: string;
  scriptFormat: string | null;
  scriptResource: string | null;
  fields: FieldInjection[];
}

export interface FieldInjection {
  name: string;
  /** Literal string value (`camunda:string` / `stringValue`) or expression (`camunda:expression`). */
  kind: 'string' | 'expression';
  value: string;
}

/** `camunda:inputOutput` parameter value. */
export type ParameterValue =
  | { kind: 'text'; text: string }
  | { kind: 'script'; language: string; source: string; resource: string | null }
  | { kind: 'list'; items: ParameterValue[] }
  | { kind: 'map'; entries: { key: string; value: ParameterValue }[] }
  | { kind: 'null' };

export interface IoParameter {
  name: string;
  value: ParameterValue;
}

export interface UserTaskDefinition {
  kind: 'userTask';
  name: string | null;
  assignee: string | null;
  candidateUsers: string[];
  candidateGroups: string[];
  dueDate: string | null;
  followUpDate: string | null;
  priority: string | null;
  formKey: string | null;
  documentation: string | null;
  taskListeners: ListenerDefinition[];
}

export interface ExternalTaskDefinition {
  kind: 'externalTask';
  topic: string;
  priority: string | null;
}

export interface ScriptDefinition {
  kind: 'script';
  language: string;
  source: string;
  resource: string | null;
  resultVariable: string | null;
}

export interface ExclusiveGatewayDefinition {
  kind: 'exclusiveGateway';
  defaultFlowId: string | null;
}

export interface NoDefinition {
  kind: 'none';
}

export type ActivityDefinition =
  | UserTaskDefinition
  | ExternalTaskDefinition
  | ScriptDefinition
  | ExclusiveGatewayDefinition
  | NoDefinition;

/** One flow node of the process (activity, event or gateway). */
export interface ActivityNode {
  readonly id: string;
  readonly name: string | null;
  /** Camunda activity type, e.g. `startEvent`, `noneEndEvent`, `userTask`, `serviceTask`. */
  readonly type: string;
  /** Key of the behaviour that executes this node, e.g. `noneStartEvent`, `externalServiceTask`. */
  readonly behavior: string;
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  readonly asyncBefore: boolean;
  readonly asyncAfter: boolean;
  readonly exclusive: boolean;
  readonly definition: ActivityDefinition;
  readonly executionListeners: readonly ListenerDefinition[];
  readonly inputParameters: readonly IoParameter[];
  readonly outputParameters: readonly IoParameter[];
  /** `camunda:properties` name/value pairs. */
  readonly properties: Readonly<Record<string, string>>;
  /** Line and column of the element in its resource, for problem reports. */
  readonly line: number | null;
  readonly column: number | null;
  /** `bpmn:documentation` texts, trimmed and joined by a blank line (Camunda's parseDocumentation). */
  readonly documentation?: string | null;
  /** `camunda:jobPriority` (number or expression) for this activity's async jobs. */
  readonly jobPriority?: string | null;
  /** `camunda:failedJobRetryTimeCycle` extension, e.g. `R5/PT5M`. */
  readonly failedJobRetryTimeCycle?: string | null;
  /**
   * `default` flow of an activity that is not a gateway (BPMN 2.0 §10.3.1: taken when no
   * conditional outgoing flow matches). Exclusive gateways keep theirs in their definition.
   */
  readonly defaultFlowId?: string | null;
}

export interface ProcessGraph {
  /** The process element id: the definition key. */
  readonly key: string;
  readonly name: string | null;
  readonly documentation: string | null;
  readonly isExecutable: boolean;
  readonly versionTag: string | null;
  readonly historyTimeToLive: number | null;
  readonly isStartableInTasklist: boolean;
  readonly candidateStarterUsers: readonly string[];
  readonly candidateStarterGroups: readonly string[];
  /** `camunda:formKey` of the none start event, if any. */
  readonly startFormKey: string | null;
  /** Id of the none start event the instance starts at. */
  readonly initialActivityId: string;
  readonly activities: ReadonlyMap<string, ActivityNode>;
  readonly flows: ReadonlyMap<string, SequenceFlow>;
  readonly executionListeners: readonly ListenerDefinition[];
  /** `camunda:initiator` of the none start event: variable that receives the starting user id. */
  readonly initiatorVariable?: string | null;
  /** Process-level `camunda:jobPriority`, the default for its jobs. */
  readonly jobPriority?: string | null;
  /** Process-level `camunda:taskPriority`, the default for its external tasks. */
  readonly taskPriority?: string | null;
}

/** The result of parsing one BPMN resource: its executable processes. */
export interface ParsedBpmnResource {
  readonly resourceName: string;
  /** `targetNamespace` of the definitions; Camunda reports it as the definition category. */
  readonly targetNamespace: string | null;
  readonly processes: readonly ProcessGraph[];
  /** Parse warnings (Camunda logs them as ENGINE-09004 and deploys anyway). */
  readonly warnings?: readonly ParseProblem[];
}
