import type { ScriptDefinition } from '../../graph/ProcessGraph.js';
import { foreignAttr, idOf, str, type ModdleElement } from '../../moddleAccess.js';
import { addActivity, checkCommonSupport } from '../activity.js';
import { scriptPrecondition } from '../camunda/scripts.js';
import type { ElementModule, ProcessScope } from '../ProcessScope.js';

/** Camunda's default script language when `scriptFormat` is absent (ScriptingEngines). */
const DEFAULT_SCRIPT_LANGUAGE = 'juel';

/** `camunda:resultVariable`, or its legacy spelling `camunda:resultVariableName`. */
function resultVariable(element: ModdleElement): string | null {
  return str(element, 'camunda:resultVariable') ?? foreignAttr(element, 'camunda:resultVariableName');
}

/**
 * The inline script text. An empty `<script/>` is an empty source in Camunda (its text is never
 * null), while moddle leaves the property unset; the position index tells the two apart.
 */
function scriptSource(element: ModdleElement, scope: ProcessScope): string | null {
  const source = str(element, 'script');
  if (source !== null) return source;
  const id = idOf(element);
  return id !== null && scope.ctx.document.lines.nth(id, 'bpmn:script', 0) !== undefined ? '' : null;
}

/**
 * Script task (BPMN 2.0 §10.3.3, Camunda's `parseScriptTaskElement`): `scriptFormat` (default
 * `juel`), inline `<script>` or `camunda:resource`, optional `camunda:resultVariable`; type
 * `scriptTask`, behaviour `scriptTask`. Languages without a script runner are reported.
 */
export const scriptTask: ElementModule = {
  phase: 'node',
  parse(element: ModdleElement, scope: ProcessScope): void {
    if (!checkCommonSupport(element, scope)) return;
    const id = idOf(element);
    const location = scope.ctx.within(id, 'bpmn:script', 0);
    const language = str(element, 'scriptFormat') ?? DEFAULT_SCRIPT_LANGUAGE;
    const source = scriptSource(element, scope);
    const resource = str(element, 'camunda:resource');
    const failure = scriptPrecondition({ language, source, resource });
    if (failure !== null) {
      scope.ctx.error(`Unable to process ScriptTask: ${failure}`, location, id);
      scope.failed(element);
      return;
    }
    if (!scope.ctx.checkScriptLanguage(language, location, id)) {
      scope.failed(element);
      return;
    }
    const definition: ScriptDefinition = {
      kind: 'script',
      language,
      source: source ?? '',
      resource: resource === '' ? null : resource,
      resultVariable: resultVariable(element),
    };
    addActivity(element, scope, { type: 'scriptTask', behavior: 'scriptTask', definition });
  },
};
