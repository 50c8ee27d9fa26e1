import type { ActivityNode, SequenceFlow } from '../graph/ProcessGraph.js';
import { idOf, tagName, type ModdleElement } from '../moddleAccess.js';
import type { ParseContext, ProblemLocation } from './ParseContext.js';
import { unsupportedElementMessage, unsupportedFeatureMessage } from './problems.js';

/** An activity while its process is being parsed: flows still add to `incoming`/`outgoing`. */
export interface ActivityDraft extends ActivityNode {
  incoming: string[];
  outgoing: string[];
}

/**
 * One parse module per BPMN element type (ARCHITECTURE §5). `node` modules run first, in document
 * order; `flow` modules run once every node of the scope exists, so references can be checked.
 */
export interface ElementModule {
  readonly phase: 'node' | 'flow';
  parse(element: ModdleElement, scope: ProcessScope): void;
}

/**
 * The process being built (Camunda's scope during `parseScope`): its nodes and flows so far, the
 * elements already reported, and what the
 * start event contributes to the definition.
 */
export class ProcessScope {
  readonly activities = new Map<string, ActivityDraft>();
  readonly flows = new Map<string, SequenceFlow>();
  /** Elements already reported (unsupported or invalid): flows to them raise no second error. */
  readonly failedIds = new Set<string>();
  /** Nodes that lost a flow to a reported element: their flow checks would only add noise. */
  readonly incompleteIds = new Set<string>();
  /** Ids m8flow made up for sequence flows that have none (Camunda allows them). */
  readonly anonymousFlowIds = new Set<string>();
  readonly noneStartEventIds: string[] = [];
  startEventCount = 0;
  startFormKey: string | null = null;
  initiatorVariable: string | null = null;

  constructor(
    readonly ctx: ParseContext,
    readonly process: ModdleElement,
    readonly processId: string,
  ) {}

  /** Adds a node; a node with an id already taken is dropped (the duplicate was reported). */
  addActivity(node: ActivityDraft): void {
    if (!this.activities.has(node.id)) this.activities.set(node.id, node);
  }

  /** Adds a sequence flow and links it to its source and target. */
  addFlow(flow: SequenceFlow): void {
    this.flows.set(flow.id, flow);
    this.activities.get(flow.sourceId)?.outgoing.push(flow.id);
    this.activities.get(flow.targetId)?.incoming.push(flow.id);
  }

  /** Location of an element in this resource. */
  at(element: ModdleElement | null): ProblemLocation | null {
    return this.ctx.at(element);
  }

  /** Reports an element type (or variant, e.g. `timerEventDefinition`) m8flow does not execute. */
  unsupportedElement(element: ModdleElement, variant?: string): void {
    const id = idOf(element);
    this.failed(element);
    this.ctx.error(unsupportedElementMessage(tagName(element.$type), id, variant), this.at(element));
  }

  /** Marks an element as reported, so that flows to it are not reported again. */
  failed(element: ModdleElement): void {
    const id = idOf(element);
    if (id !== null) this.failedIds.add(id);
  }

  /** True when `id` is a node of this scope or an element already reported. */
  knows(id: string): boolean {
    return this.activities.has(id) || this.failedIds.has(id);
  }

  /** Reports a Camunda attribute or extension element on `element` that m8flow does not execute. */
  unsupportedFeature(element: ModdleElement, feature: string): void {
    this.failed(element);
    this.ctx.error(unsupportedFeatureMessage(feature, tagName(element.$type), idOf(element)), this.at(element));
  }
}
