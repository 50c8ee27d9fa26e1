import { EngineError } from '../errors/EngineError.js';
import type { ProcessGraph } from './graph/ProcessGraph.js';
import { parseBpmn } from './parse/BpmnParser.js';
import type { ParseOptions } from './parse/ParseContext.js';

/** What the cache needs to rebuild a graph: the stored BPMN resource and the definition key. */
export interface StoredProcessResource {
  readonly xml: string;
  readonly resourceName: string;
  /** Process definition key: the `id` of the `bpmn:process` element. */
  readonly key: string;
  /** For the error message when the resource no longer yields the definition. */
  readonly deploymentId?: string;
}

/** Loads the stored resource of a process definition, e.g. from ACT_GE_BYTEARRAY. */
export type ProcessResourceLoader = () => Promise<StoredProcessResource>;

/** Options of {@link DeploymentCache}. */
export interface DeploymentCacheOptions {
  /** Most graphs kept; the least recently used is evicted first. Camunda's default capacity is 1000. */
  readonly maxEntries?: number;
  /** Passed to the parser when a graph is rebuilt. */
  readonly parseOptions?: ParseOptions;
}

/**
 * Process graphs by process definition id (Camunda's `ProcessDefinitionCache`). Graphs are
 * immutable and cached after deployment; after a restart or eviction, {@link get} rebuilds one
 * lazily from its stored XML (Camunda re-deploys the resource of the definition on a cache miss).
 * Concurrent misses for the same id share one parse.
 */
export class DeploymentCache {
  private readonly graphs = new Map<string, ProcessGraph>();
  private readonly loading = new Map<string, Promise<ProcessGraph>>();
  private readonly maxEntries: number;
  private readonly parseOptions: ParseOptions;

  constructor(options: DeploymentCacheOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 1000);
    this.parseOptions = options.parseOptions ?? {};
  }

  /** Number of cached graphs. */
  get size(): number {
    return this.graphs.size;
  }

  /** Caches the graph of a definition just deployed. */
  put(processDefinitionId: string, graph: ProcessGraph): void {
    this.graphs.delete(processDefinitionId);
    this.graphs.set(processDefinitionId, graph);
    this.evict();
  }

  /** The cached graph, without loading. */
  peek(processDefinitionId: string): ProcessGraph | undefined {
    return this.graphs.get(processDefinitionId);
  }

  /**
   * The graph of a definition: from the cache, else rebuilt by parsing what `load` returns.
   * Throws the parser's ParseException if the stored XML no longer parses, or Camunda's
   * NullValueException when it does not contain the definition's process.
   */
  async get(processDefinitionId: string, load: ProcessResourceLoader): Promise<ProcessGraph> {
    const cached = this.graphs.get(processDefinitionId);
    if (cached !== undefined) {
      this.put(processDefinitionId, cached);
      return cached;
    }
    const pending = this.loading.get(processDefinitionId);
    if (pending !== undefined) return pending;
    const rebuild = this.rebuild(processDefinitionId, load).finally(() => this.loading.delete(processDefinitionId));
    this.loading.set(processDefinitionId, rebuild);
    return rebuild;
  }

  /** Drops one definition, e.g. when its deployment is deleted. */
  remove(processDefinitionId: string): void {
    this.graphs.delete(processDefinitionId);
  }

  /** Drops everything. */
  clear(): void {
    this.graphs.clear();
  }

  private async rebuild(processDefinitionId: string, load: ProcessResourceLoader): Promise<ProcessGraph> {
    const stored = await load();
    const parsed = await parseBpmn(stored.resourceName, stored.xml, this.parseOptions);
    const graph = parsed.processes.find((process) => process.key === stored.key);
    if (graph === undefined) {
      throw new EngineError(
        'nullValue',
        `deployment '${stored.deploymentId ?? ''}' didn't put process definition '${processDefinitionId}' in the cache: cachedProcessDefinition is null`,
      );
    }
    this.put(processDefinitionId, graph);
    return graph;
  }

  private evict(): void {
    for (const id of this.graphs.keys()) {
      if (this.graphs.size <= this.maxEntries) return;
      this.graphs.delete(id);
    }
  }
}
