import type { UserTaskDefinition } from '../../graph/ProcessGraph.js';
import { child, children, idOf, str, type ModdleElement } from '../../moddleAccess.js';
import { addActivity, checkCommonSupport } from '../activity.js';
import { parseCommaSeparatedList, parseDocumentation } from '../camunda/attributes.js';
import { parseFormKey } from '../camunda/forms.js';
import { parseTaskListeners } from '../camunda/listeners.js';
import type { ElementModule, ProcessScope } from '../ProcessScope.js';

const USER_PREFIX = 'user(';
const GROUP_PREFIX = 'group(';

/** Text of `<resourceAssignmentExpression><formalExpression>` of a performer, or null. */
function assignmentText(performer: ModdleElement): string | null {
  const assignment = child(performer, 'resourceAssignmentExpression');
  const expression = assignment === null ? null : child(assignment, 'expression');
  return expression === null ? null : str(expression, 'body');
}

interface Assignment {
  assignee: string | null;
  candidateUsers: string[];
  candidateGroups: string[];
}

/**
 * BPMN resource assignment as Camunda maps it (`parseHumanPerformer`, `parsePotentialOwner`):
 * one `humanPerformer` gives the assignee; each `potentialOwner` lists `user(x)` candidate users,
 * `group(x)` candidate groups, and plain entries as groups. The text is trimmed here.
 */
function parseResourceAssignment(task: ModdleElement, scope: ProcessScope, name: string): Assignment {
  const result: Assignment = { assignee: null, candidateUsers: [], candidateGroups: [] };
  const resources = children(task, 'resources');
  const performers = resources.filter((r) => r.$type === 'bpmn:HumanPerformer');
  if (performers.length > 1) {
    scope.ctx.error(`Invalid task definition: multiple humanPerformer sub elements defined for ${name}`, scope.at(task));
  } else if (performers[0] !== undefined) {
    result.assignee = assignmentText(performers[0])?.trim() ?? null;
  }
  for (const owner of resources.filter((r) => r.$type === 'bpmn:PotentialOwner')) {
    for (const entry of parseCommaSeparatedList(assignmentText(owner))) {
      if (entry.startsWith(USER_PREFIX)) result.candidateUsers.push(entry.slice(USER_PREFIX.length, -1).trim());
      else if (entry.startsWith(GROUP_PREFIX)) result.candidateGroups.push(entry.slice(GROUP_PREFIX.length, -1).trim());
      else result.candidateGroups.push(entry);
    }
  }
  return result;
}

/** Combines BPMN assignment with the `camunda:assignee` / `candidateUsers` / `candidateGroups` extensions. */
function parseAssignment(task: ModdleElement, scope: ProcessScope, name: string): Assignment {
  const result = parseResourceAssignment(task, scope, name);
  const assignee = str(task, 'camunda:assignee');
  if (assignee !== null) {
    if (result.assignee === null) result.assignee = assignee;
    else scope.ctx.error(`Invalid usage: duplicate assignee declaration for task ${name}`, scope.at(task));
  }
  result.candidateUsers.push(...parseCommaSeparatedList(str(task, 'camunda:candidateUsers')));
  result.candidateGroups.push(...parseCommaSeparatedList(str(task, 'camunda:candidateGroups')));
  return result;
}

/**
 * User task (BPMN 2.0 §10.3.3, Camunda's `parseUserTask`/`parseTaskDefinition`): a wait state
 * that creates a task with name, description (documentation), assignment, due and follow-up
 * dates, priority, form key and task listeners; type `userTask`, behaviour `userTask`.
 */
export const userTask: ElementModule = {
  phase: 'node',
  parse(element: ModdleElement, scope: ProcessScope): void {
    if (!checkCommonSupport(element, scope)) return;
    const id = idOf(element);
    const name = str(element, 'name');
    const formKey = parseFormKey(element, scope);
    const assignment = parseAssignment(element, scope, name ?? 'null');
    const taskListeners = parseTaskListeners(scope.ctx, element, id, () =>
      scope.unsupportedFeature(element, "Task listener event 'timeout'"),
    );
    const definition: UserTaskDefinition = {
      kind: 'userTask',
      name,
      ...assignment,
      dueDate: str(element, 'camunda:dueDate'),
      followUpDate: str(element, 'camunda:followUpDate'),
      priority: str(element, 'camunda:priority'),
      formKey,
      documentation: parseDocumentation(element),
      taskListeners,
    };
    addActivity(element, scope, { type: 'userTask', behavior: 'userTask', definition });
  },
};
