import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The compat-suite folder (scenarios read their BPMN files from `bpmn/`). */
export const SUITE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One named outcome of a client scenario; ids look like case ids (`clients/<name>`). */
export interface ScenarioCheck {
  id: string;
  /** Empty when the check passed. */
  failures: string[];
}
