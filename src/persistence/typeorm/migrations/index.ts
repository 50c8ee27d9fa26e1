import { InitialSchema1764340000000 } from './1764340000000-InitialSchema.js';

/** Every migration, oldest first. TypeORM runs the ones a database has not seen on start. */
export const MIGRATIONS = [InitialSchema1764340000000];
