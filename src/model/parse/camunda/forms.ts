import { extensionValues, foreignAttr, str, type ModdleElement } from '../../moddleAccess.js';
import type { ProcessScope } from '../ProcessScope.js';

/** Form extension elements that drive form handling m8flow does not have yet. */
const FORM_EXTENSIONS: Readonly<Record<string, string>> = {
  'camunda:FormData': 'camunda:formData',
  'camunda:FormProperty': 'camunda:formProperty',
};

/**
 * `camunda:formKey` of a none start event or user task (Camunda's `parseFormDefinition`).
 * `formKey` and `formRef` together are Camunda's error; `camunda:formRef` (Camunda Forms),
 * `camunda:formHandlerClass` and generated forms (`camunda:formData`, `camunda:formProperty`)
 * are reported as not supported yet. Returns the form key, or null.
 */
export function parseFormKey(element: ModdleElement, scope: ProcessScope): string | null {
  const formKey = str(element, 'camunda:formKey');
  const formRef = str(element, 'camunda:formRef');
  if (formKey !== null && formRef !== null) {
    scope.ctx.error('Invalid element definition: only one of the attributes formKey and formRef is allowed.', scope.at(element));
  } else if (formRef !== null) {
    scope.unsupportedFeature(element, "Attribute 'camunda:formRef'");
  }
  if (str(element, 'camunda:formHandlerClass') !== null || foreignAttr(element, 'camunda:formHandlerClass') !== null) {
    scope.unsupportedFeature(element, "Attribute 'camunda:formHandlerClass'");
  }
  const reported = new Set<string>();
  for (const extension of extensionValues(element)) {
    const name = FORM_EXTENSIONS[extension.$type];
    if (name !== undefined && !reported.has(name)) {
      reported.add(name);
      scope.unsupportedFeature(element, `Extension element '${name}'`);
    }
  }
  return formKey;
}
