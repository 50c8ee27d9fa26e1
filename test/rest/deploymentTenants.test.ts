import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/util/Clock.js';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployXml, expectError, expectStatus, obj } from './support.js';

let f: RestFixture;
const clock = new FakeClock('2026-02-01T08:00:00.000Z');

beforeAll(async () => {
  f = await createRestFixture({ clock });
  await deployXml(f, 'plainKey', { deploymentName: 'plain' });
  clock.advance(1_000);
  await deployXml(f, 'oneKey', { deploymentName: 'one', tenantId: 'tenant1' });
  clock.advance(1_000);
  await deployXml(f, 'twoKey', { deploymentName: 'two', tenantId: 'tenant2' });
});

afterAll(async () => {
  await f.close();
});

async function names(query: string): Promise<unknown[]> {
  return arr(expectStatus(await f.api.get(`${f.root}/deployment${query}`), 200)).map((d) => d['name']);
}

async function count(query: string): Promise<unknown> {
  return obj(expectStatus(await f.api.get(`${f.root}/deployment/count${query}`), 200))['count'];
}

const byName = '&sortBy=name&sortOrder=asc';

describe('GET /deployment tenant filters', () => {
  it('widens tenantIdIn to deployments without tenant with includeDeploymentsWithoutTenantId', async () => {
    expect(await names(`?tenantIdIn=tenant1&includeDeploymentsWithoutTenantId=true${byName}`)).toEqual(['one', 'plain']);
    expect(await count('?tenantIdIn=tenant1&includeDeploymentsWithoutTenantId=true')).toBe(2);
  });

  it('keeps tenantIdIn strict when includeDeploymentsWithoutTenantId is false or absent', async () => {
    expect(await names('?tenantIdIn=tenant1&includeDeploymentsWithoutTenantId=false')).toEqual(['one']);
    expect(await names('?tenantIdIn=tenant1')).toEqual(['one']);
  });

  it('ignores includeDeploymentsWithoutTenantId without tenantIdIn', async () => {
    expect(await names(`?includeDeploymentsWithoutTenantId=true${byName}`)).toEqual(['one', 'plain', 'two']);
    expect(await count('?includeDeploymentsWithoutTenantId=true')).toBe(3);
  });

  it('lets withoutTenantId win over tenantIdIn, as the DTO applies it last', async () => {
    expect(await names('?tenantIdIn=tenant1&withoutTenantId=true')).toEqual(['plain']);
    expect(await count('?tenantIdIn=tenant1,tenant2&withoutTenantId=true&includeDeploymentsWithoutTenantId=true')).toBe(1);
  });

  it('sorts by tenant id', async () => {
    expect(await names('?tenantIdIn=tenant1,tenant2&sortBy=tenantId&sortOrder=desc')).toEqual(['two', 'one']);
    expect(await names('?tenantIdIn=tenant1,tenant2&sortBy=tenantId&sortOrder=asc')).toEqual(['one', 'two']);
  });

  it('rejects an invalid includeDeploymentsWithoutTenantId value', async () => {
    expectError(await f.api.get(`${f.root}/deployment?includeDeploymentsWithoutTenantId=maybe`), 400, 'InvalidRequestException',
      "Cannot set query parameter 'includeDeploymentsWithoutTenantId' to value 'maybe': Cannot convert value maybe to java type java.lang.Boolean");
  });

  it('rejects source together with withoutSource', async () => {
    expectError(await f.api.get(`${f.root}/deployment?source=x&withoutSource=true`), 400, 'InvalidRequestException',
      'The query parameters "withoutSource" and "source" cannot be used in combination.');
    expectError(await f.api.get(`${f.root}/deployment/count?source=x&withoutSource=true`), 400, 'InvalidRequestException');
  });
});
