import type { Request, Response } from 'express';
import multer from 'multer';
import { RepositoryService } from '../../api.js';
import { attachmentDisposition, deploymentDto, deploymentWithDefinitionsDto, resourceDto, resourceMediaType } from '../dto/repository.js';
import type { ResourceEntity } from '../../api.js';
import { restError, wrapError } from '../errors.js';
import { queryFromParams } from '../query/queryParams.js';
import type { Handler, HandlerContext } from '../reply.js';
import { noContent, ok } from '../reply.js';

const RESERVED = new Set(['deployment-name', 'deployment-activation-time', 'deployment-source', 'tenant-id', 'enable-duplicate-filtering', 'deploy-changed-only']);

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 50 * 1024 * 1024, files: 200 } });

function parseMultipart(req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!req.is('multipart/form-data')) {
      reject(restError(400, 'Request must be multipart/form-data with at least one deployment resource', 'InvalidRequestException'));
      return;
    }
    upload.any()(req, res, (error: unknown) => (error ? reject(restError(400, `Cannot parse multipart body: ${String((error as Error).message ?? error)}`)) : resolve()));
  });
}

function textField(fields: Record<string, unknown>, name: string): string | null {
  const value = fields[name];
  const text = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof text === 'string' ? text : null;
}

/** Java's Boolean.parseBoolean: "true" in any case. */
const flag = (fields: Record<string, unknown>, name: string): boolean => textField(fields, name)?.toLowerCase() === 'true';

const createDeployment: Handler = async (c) => {
  await parseMultipart(c.req, c.res);
  const fields = (c.req.body ?? {}) as Record<string, unknown>;
  if (Object.keys(fields).some((name) => !RESERVED.has(name))) {
    // Camunda names the missing file name, which is null by then.
    throw restError(400, "No file name found in the deployment resource described by form parameter 'null'.");
  }
  if ((textField(fields, 'deployment-activation-time') ?? '') !== '') {
    // Delayed activation needs the job executor; refusing is better than activating at once.
    throw restError(400, 'M8-02002 deployment-activation-time is not supported yet: definitions are active as soon as they are deployed');
  }
  const files = (c.req.files ?? []) as Express.Multer.File[];
  const byPart = new Map<string, Express.Multer.File>();
  for (const file of files) if (!RESERVED.has(file.fieldname)) byPart.set(file.fieldname, file);
  const resources = [...byPart.values()].map((file) => ({ name: file.originalname || file.fieldname, bytes: file.buffer }));
  if (resources.length === 0) throw restError(400, 'No deployment resources contained in the form upload.');
  const result = await c.engine.repository.deploy({
    name: textField(fields, 'deployment-name'),
    source: textField(fields, 'deployment-source'),
    tenantId: textField(fields, 'tenant-id'),
    // deploy-changed-only implies duplicate filtering (DeploymentRestServiceImpl)
    enableDuplicateFiltering: flag(fields, 'enable-duplicate-filtering') || flag(fields, 'deploy-changed-only'),
    deployChangedOnly: flag(fields, 'deploy-changed-only'),
    resources,
  });
  return ok(deploymentWithDefinitionsDto(result.deployment, result.processDefinitions, c.baseUrl));
};

/** A resource of a deployment, found in the deployment's resource list as Camunda does. */
async function findResource(c: HandlerContext): Promise<ResourceEntity | undefined> {
  const id = c.params['id'] ?? '';
  const resources = await c.engine.repository.getDeploymentResources(id).catch((error: unknown) => {
    throw wrapError(error, 404, () => `Deployment resources for deployment id '${id}' do not exist.`, 'InvalidRequestException');
  });
  return resources.find((r) => r.id === c.params['resourceId']);
}

export const deploymentHandlers: Record<string, Handler> = {
  createDeployment,
  getDeployments: async (c) => {
    const list = await c.engine.repository.queryDeployments(queryFromParams(c.query, RepositoryService.deploymentQuery));
    return ok(list.map((d) => deploymentDto(d)));
  },
  getDeploymentsCount: async (c) =>
    ok({ count: await c.engine.repository.countDeployments(queryFromParams(c.query, RepositoryService.deploymentQuery)) }),
  getDeployment: async (c) => ok(deploymentDto(await c.engine.repository.getDeployment(c.params['id'] ?? ''))),
  deleteDeployment: async (c) => {
    await c.engine.repository.deleteDeployment(c.params['id'] ?? '', {
      cascade: c.query['cascade'] === 'true', skipCustomListeners: c.query['skipCustomListeners'] === 'true',
      skipIoMappings: c.query['skipIoMappings'] === 'true',
    });
    return noContent();
  },
  getDeploymentResources: async (c) => ok((await c.engine.repository.getDeploymentResources(c.params['id'] ?? '')).map(resourceDto)),
  getDeploymentResource: async (c) => {
    const resource = await findResource(c);
    if (!resource) {
      throw restError(404, `Deployment resource with resource id '${c.params['resourceId'] ?? ''}' for deployment id '${c.params['id'] ?? ''}' does not exist.`);
    }
    return ok(resourceDto(resource));
  },
  getDeploymentResourceData: async (c) => {
    const resource = await findResource(c).catch(() => undefined);
    if (!resource) {
      throw restError(404, `Deployment resource '${c.params['resourceId'] ?? ''}' for deployment id '${c.params['id'] ?? ''}' does not exist.`);
    }
    return {
      status: 200, raw: resource.bytes, contentType: resourceMediaType(resource.name),
      headers: { 'Content-Disposition': attachmentDisposition(resource.name) },
    };
  },
};
