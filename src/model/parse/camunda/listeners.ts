import type { FieldInjection, ListenerDefinition } from '../../graph/ProcessGraph.js';
import { child, children, extensionsOfType, str, type ModdleElement } from '../../moddleAccess.js';
import type { ParseContext, ProblemLocation } from '../ParseContext.js';
import { parseCamundaScript } from './scripts.js';

/** Events a `camunda:executionListener` may name on a process or flow node. */
const EXECUTION_EVENTS = ['start', 'end'];
/** Events a `camunda:taskListener` may name (Camunda's TaskListener constants; `timeout` is handled apart). */
const TASK_EVENTS = ['create', 'assignment', 'complete', 'update', 'delete'];

type ListenerKind = ListenerDefinition['kind'];

/**
 * `camunda:field` injections of a class or delegate-expression listener (Camunda's
 * `parseFieldDeclarations`): `stringValue`/`<camunda:string>` give a literal, `expression`
 * (attribute or element) an expression.
 */
export function parseFields(ctx: ParseContext, listener: ModdleElement, location: ProblemLocation | null): FieldInjection[] {
  const fields: FieldInjection[] = [];
  for (const field of children(listener, 'fields')) {
    const name = str(field, 'name') ?? '';
    const stringValue = str(field, 'stringValue');
    const stringElement = str(field, 'string');
    const expression = str(field, 'expression');
    if (stringValue !== null && stringElement !== null) {
      ctx.error("Can't use attribute 'stringValue' and element 'string' together, only use one", location);
    } else if (stringElement !== null || (stringValue !== null && stringValue !== '')) {
      fields.push({ name, kind: 'string', value: stringElement ?? stringValue ?? '' });
    } else if (expression !== null && expression.trim() !== '') {
      fields.push({ name, kind: 'expression', value: expression });
    } else {
      ctx.error(
        'One of the following is mandatory on a field declaration: one of attributes stringValue|expression or one of child elements string|expression',
        location,
      );
    }
  }
  return fields;
}

/**
 * The implementation of one listener (Camunda's `parseExecutionListener`/`parseTaskListener`):
 * `class`, else `expression`, else `delegateExpression`, else a `camunda:script`.
 */
function parseListener(
  ctx: ParseContext,
  listener: ModdleElement,
  event: string,
  where: { readonly location: ProblemLocation | null; readonly ownerId: string | null; readonly tag: string },
): ListenerDefinition | null {
  const base = { event, scriptFormat: null, scriptResource: null, fields: [] as FieldInjection[] };
  const withValue = (kind: ListenerKind, value: string, attribute: string): ListenerDefinition | null => {
    if (value === '' && kind !== 'expression') {
      ctx.error(`Attribute '${attribute}' cannot be empty`, where.location, where.ownerId);
      return null;
    }
    const fields = kind === 'expression' ? [] : parseFields(ctx, listener, where.location);
    return { ...base, kind, value, fields };
  };
  const className = str(listener, 'class');
  if (className !== null) return withValue('class', className, 'class');
  const expression = str(listener, 'expression');
  if (expression !== null) return withValue('expression', expression, 'expression');
  const delegate = str(listener, 'delegateExpression');
  if (delegate !== null) return withValue('delegateExpression', delegate, 'delegateExpression');
  const scriptElement = child(listener, 'script');
  if (scriptElement !== null) {
    const script = parseCamundaScript(ctx, scriptElement, where.location, where.ownerId);
    return script === null ? null : { ...base, kind: 'script', value: script.source, scriptFormat: script.language, scriptResource: script.resource };
  }
  ctx.error(`Element 'class', 'expression', 'delegateExpression' or 'script' is mandatory on ${where.tag}`, where.location, where.ownerId);
  return null;
}

/**
 * `camunda:executionListener`s of a process or flow node; the event must be `start` or `end`
 * (Camunda's `isValidEventNameForScope`). For a sequence flow pass `forTransition`: every listener
 * fires on `take` and its event attribute is ignored, as in Camunda.
 */
export function parseExecutionListeners(
  ctx: ParseContext,
  element: ModdleElement,
  ownerId: string | null,
  forTransition = false,
): ListenerDefinition[] {
  const result: ListenerDefinition[] = [];
  extensionsOfType(element, 'camunda:ExecutionListener').forEach((listener, index) => {
    const location = ctx.within(ownerId, 'camunda:executionListener', index);
    const event = forTransition ? 'take' : (str(listener, 'event') ?? '').trim();
    if (!forTransition && event === '') {
      ctx.error("Attribute 'event' is mandatory on listener", location, ownerId);
      return;
    }
    if (!forTransition && !EXECUTION_EVENTS.includes(event)) {
      ctx.error('Attribute \'event\' must be one of {start|end}', location, ownerId);
      return;
    }
    const parsed = parseListener(ctx, listener, event, { location, ownerId, tag: 'executionListener' });
    if (parsed !== null) result.push(parsed);
  });
  return result;
}

/**
 * `camunda:taskListener`s of a user task (Camunda's `parseTaskListeners`). `timeout` listeners
 * need timers, which m8flow does not run yet: reported through `onTimeout`.
 */
export function parseTaskListeners(
  ctx: ParseContext,
  task: ModdleElement,
  taskId: string | null,
  onTimeout: () => void,
): ListenerDefinition[] {
  const result: ListenerDefinition[] = [];
  extensionsOfType(task, 'camunda:TaskListener').forEach((listener, index) => {
    const location = ctx.within(taskId, 'camunda:taskListener', index);
    const event = str(listener, 'event');
    if (event === null) {
      ctx.error("Attribute 'event' is mandatory on taskListener", ctx.at(task));
    } else if (event === 'timeout') {
      onTimeout();
    } else if (!TASK_EVENTS.includes(event)) {
      ctx.error("Attribute 'event' must be one of {create|assignment|complete|update|delete|timeout}", ctx.at(task));
    } else {
      const parsed = parseListener(ctx, listener, event, { location, ownerId: taskId, tag: 'taskListener' });
      if (parsed !== null) result.push(parsed);
    }
  });
  return result;
}
