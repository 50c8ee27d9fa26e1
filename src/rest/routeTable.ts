import type { Document } from 'openapi-backend';

interface Route {
  method: string;
  operationId: string;
  pattern: RegExp;
  params: string[];
  /** One entry per segment: 0 static, 1 template; static segments win at the first difference. */
  rank: number[];
}

export interface RouteMatch {
  operationId: string;
  params: Record<string, string>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

function compileRoute(method: string, path: string, operationId: string): Route {
  const params: string[] = [];
  const segments = path.split('/').filter((s) => s !== '');
  const rank = segments.map((s) => (s.startsWith('{') ? 1 : 0));
  const body = segments.map((segment) => {
    const match = /^\{(.+)\}$/.exec(segment);
    if (match) {
      params.push(match[1] ?? '');
      return '([^/]+)';
    }
    return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('/');
  return { method, operationId, pattern: new RegExp(`^/${body}/?$`), params, rank };
}

function compareRank(a: Route, b: Route): number {
  for (let i = 0; i < Math.min(a.rank.length, b.rank.length); i++) {
    const diff = (a.rank[i] ?? 0) - (b.rank[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.rank.length - b.rank.length;
}

/**
 * Matches method and path to an operation of the contract. Built once: templates become
 * regular expressions, and a static segment wins over a template (`/task/count` before
 * `/task/{id}`), as JAX-RS resolves them. Path parameters are URL-decoded.
 */
export class RouteTable {
  private readonly byMethod = new Map<string, Route[]>();

  constructor(contract: Document) {
    for (const [path, item] of Object.entries(contract.paths ?? {})) {
      for (const method of METHODS) {
        const operation = (item as Record<string, { operationId?: string } | undefined>)[method];
        if (!operation?.operationId) continue;
        const routes = this.byMethod.get(method.toUpperCase()) ?? [];
        routes.push(compileRoute(method.toUpperCase(), path, operation.operationId));
        this.byMethod.set(method.toUpperCase(), routes);
      }
    }
    for (const routes of this.byMethod.values()) routes.sort(compareRank);
  }

  match(method: string, path: string): RouteMatch | null {
    for (const route of this.byMethod.get(method.toUpperCase()) ?? []) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.params.forEach((name, i) => {
        const raw = found[i + 1] ?? '';
        try {
          params[name] = decodeURIComponent(raw);
        } catch {
          params[name] = raw;
        }
      });
      return { operationId: route.operationId, params };
    }
    return null;
  }

  /** Methods that would match this path (for 405 answers). */
  methodsFor(path: string): string[] {
    return [...this.byMethod.keys()].filter((method) => this.match(method, path) !== null);
  }
}
