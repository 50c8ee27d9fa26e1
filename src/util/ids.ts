import { randomUUID } from 'node:crypto';

/** Source of entity ids. Camunda Run uses UUIDs, so ids look the same to clients. */
export interface IdGenerator {
  next(): string;
}

export const uuidGenerator: IdGenerator = { next: () => randomUUID() };

/** Camunda's activity instance id: `<activityId>:<uuid>`. */
export function activityInstanceId(ids: IdGenerator, activityId: string): string {
  return `${activityId}:${ids.next()}`;
}
