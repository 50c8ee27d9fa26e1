import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPIBackend } from 'openapi-backend';
import { createRouter, loadContract } from '../../../src/rest/openapi.js';
import { RouteTable } from '../../../src/rest/routeTable.js';

describe('route table', () => {
  let routes: RouteTable;
  let backend: OpenAPIBackend;
  beforeAll(async () => {
    routes = new RouteTable(loadContract());
    backend = await createRouter();
  });

  it('prefers a static segment over a template, as JAX-RS does', () => {
    expect(routes.match('GET', '/task/count')?.operationId).toBe('getTasksCount');
    expect(routes.match('GET', '/task/abc')).toEqual({ operationId: 'getTask', params: { id: 'abc' } });
    expect(routes.match('GET', '/process-definition/key/order/xml')?.operationId).toBe('getProcessDefinitionBpmn20XmlByKey');
  });

  it('decodes path parameters and tolerates a trailing slash', () => {
    expect(routes.match('GET', '/process-definition/order%3A1%3Aabc/')).toEqual({
      operationId: 'getProcessDefinition', params: { id: 'order:1:abc' },
    });
  });

  it('names the methods a path answers to, for 405 answers', () => {
    expect(routes.methodsFor('/task/abc').sort()).toEqual(['DELETE', 'GET', 'PUT']);
    expect(routes.match('PATCH', '/task/abc')).toBeNull();
  });

  it('routes every operation of the contract to the same operation as openapi-backend', () => {
    const paths = (loadContract().paths ?? {}) as Record<string, Record<string, { operationId?: string }>>;
    let checked = 0;
    for (const [template, item] of Object.entries(paths)) {
      const path = template.replace(/\{[^}]+\}/g, 'x1');
      for (const method of ['get', 'post', 'put', 'delete', 'options']) {
        if (!item[method]) continue;
        const ours = routes.match(method.toUpperCase(), path)?.operationId;
        const theirs = backend.matchOperation({ method, path, headers: {}, query: {} })?.operationId;
        expect(ours, `${method} ${path}`).toBe(theirs);
        checked++;
      }
    }
    expect(checked).toBe(399);
  });
});
