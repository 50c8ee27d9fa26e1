// bpmn-moddle 10 ships types only under `bpmn-moddle/types`; this declares the part of its main
// entry point that model/moddle.ts uses. Results stay `unknown` and are read via moddleAccess.ts.
declare module 'bpmn-moddle' {
  /** bpmn-moddle's `fromXML` result. */
  export interface BpmnModdleParseResult {
    rootElement: unknown;
    elementsById: Record<string, unknown>;
    references: unknown[];
    warnings: unknown[];
  }

  /** The BPMN 2.0 metamodel plus any extension packages (here: camunda). */
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, options?: Record<string, unknown>): Promise<BpmnModdleParseResult>;
  }
}
