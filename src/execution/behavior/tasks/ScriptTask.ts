import type { ActivityBehavior } from '../ActivityBehavior.js';
import { leave } from '../leave.js';

/**
 * BPMN 2.0 §10.3.3 script task: runs the script in the sandbox with the execution's variables
 * bound; `camunda:resultVariable` receives the value of the last expression.
 */
export const scriptTask: ActivityBehavior = {
  async execute(execution) {
    const activity = execution.activity;
    const definition = activity.definition;
    if (definition.kind !== 'script') throw new Error(`activity ${activity.id} is not a script task`);
    const result = definition.language.toLowerCase() === 'juel'
      ? execution.evaluate(definition.source)
      : await execution.ctx.scripts.forLanguage(definition.language).run({
        language: definition.language,
        source: definition.source,
        name: activity.id,
        variables: execution.scriptVariables(),
        execution: execution.scriptBridge(null),
      });
    if (definition.resultVariable) execution.setVariable(definition.resultVariable, result ?? null);
    await leave(execution);
  },
};
