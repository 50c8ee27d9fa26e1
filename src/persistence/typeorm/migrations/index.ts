import { InitialSchema1764340000000 } from './1764340000000-InitialSchema.js';
import { QueryFilterSupport1764521000000 } from './1764521000000-QueryFilterSupport.js';
import { HistoricIdentityLinks1764522000000 } from './1764522000000-HistoricIdentityLinks.js';

/** Every migration, oldest first. TypeORM runs the ones a database has not seen on start. */
export const MIGRATIONS = [InitialSchema1764340000000, QueryFilterSupport1764521000000, HistoricIdentityLinks1764522000000];
