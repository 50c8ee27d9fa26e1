import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractPath } from '../../src/rest/openapi.js';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployFixtures, expectStatus, field, obj, startByKey, type Json } from './support.js';

interface Schema {
  properties?: Record<string, unknown>;
  allOf?: ({ $ref?: string } & Schema)[];
  $ref?: string;
}

const schemas = (JSON.parse(readFileSync(contractPath(), 'utf8')) as { components: { schemas: Record<string, Schema> } }).components.schemas;

/** Every property a Camunda DTO declares, following allOf and $ref. */
function declaredKeys(name: string): string[] {
  const schema = schemas[name];
  if (!schema) throw new Error(`no schema ${name}`);
  const own = Object.keys(schema.properties ?? {});
  const inherited = (schema.allOf ?? []).flatMap((part) =>
    part.$ref ? declaredKeys(part.$ref.split('/').pop() ?? '') : Object.keys(part.properties ?? {}));
  return [...new Set([...own, ...inherited])].sort();
}

/**
 * pycamunda and other clients index DTO keys directly, so every key Camunda declares must be
 * present (null when empty). Keys Camunda itself leaves out of a given answer are listed per DTO.
 */
function expectAllKeys(body: Json, dto: string, notSent: string[] = []): void {
  const missing = declaredKeys(dto).filter((key) => !(key in body) && !notSent.includes(key));
  expect(missing, `${dto} keys missing from ${JSON.stringify(body)}`).toEqual([]);
}

describe('every DTO key is present', () => {
  let f: RestFixture;
  let pi: Json;
  let deployment: Json;
  beforeAll(async () => {
    f = await createRestFixture();
    deployment = await deployFixtures(f, ['task.bpmn', 'external.bpmn']);
    const priority = { variables: { priority: { value: 10 } } };
    pi = await startByKey(f, 'taskProcess', { businessKey: 'keys', ...priority });
    await startByKey(f, 'externalProcess', priority);
  });
  afterAll(() => f.close());

  it('in deployments, definitions and resources', async () => {
    expectAllKeys(deployment, 'DeploymentWithDefinitionsDto');
    const [definition] = arr(expectStatus(await f.api.get(`${f.root}/process-definition?key=taskProcess`), 200));
    expectAllKeys(definition ?? {}, 'ProcessDefinitionDto');
    const [resource] = arr(expectStatus(await f.api.get(`${f.root}/deployment/${field(deployment, 'id')}/resources`), 200));
    expectAllKeys(resource ?? {}, 'DeploymentResourceDto');
  });

  it('in process instances and activity instance trees', async () => {
    expectAllKeys(pi, 'ProcessInstanceDto');
    expectAllKeys(obj(expectStatus(await f.api.get(`${f.root}/process-instance/${field(pi, 'id')}`), 200)), 'ProcessInstanceDto');
    const tree = obj(expectStatus(await f.api.get(`${f.root}/process-instance/${field(pi, 'id')}/activity-instances`), 200));
    expectAllKeys(tree, 'ActivityInstanceDto');
    expectAllKeys((tree['childActivityInstances'] as Json[])[0] ?? {}, 'ActivityInstanceDto');
  });

  it('in tasks and identity links', async () => {
    const [task] = arr(expectStatus(await f.api.get(`${f.root}/task?processInstanceId=${field(pi, 'id')}`), 200));
    expectAllKeys(task ?? {}, 'TaskDto');
    const [link] = arr(expectStatus(await f.api.get(`${f.root}/task/${field(task, 'id')}/identity-links`), 200));
    if (link) expectAllKeys(link, 'IdentityLinkDto');
  });

  it('in external tasks, locked and listed', async () => {
    const locked = arr(expectStatus(await f.api.post(`${f.root}/external-task/fetchAndLock`).send({
      workerId: 'keys', maxTasks: 1, topics: [{ topicName: 'work', lockDuration: 1000 }],
    }), 200));
    expect(locked).toHaveLength(1);
    expectAllKeys(locked[0] ?? {}, 'LockedExternalTaskDto');
    const [listed] = arr(expectStatus(await f.api.get(`${f.root}/external-task`), 200));
    expectAllKeys(listed ?? {}, 'ExternalTaskDto');
  });

  it('in history', async () => {
    const [hpi] = arr(expectStatus(await f.api.get(`${f.root}/history/process-instance?processInstanceId=${field(pi, 'id')}`), 200));
    expectAllKeys(hpi ?? {}, 'HistoricProcessInstanceDto');
    const [hai] = arr(expectStatus(await f.api.get(`${f.root}/history/activity-instance?processInstanceId=${field(pi, 'id')}`), 200));
    expectAllKeys(hai ?? {}, 'HistoricActivityInstanceDto');
    const [hti] = arr(expectStatus(await f.api.get(`${f.root}/history/task?processInstanceId=${field(pi, 'id')}`), 200));
    expectAllKeys(hti ?? {}, 'HistoricTaskInstanceDto');
  });
});
