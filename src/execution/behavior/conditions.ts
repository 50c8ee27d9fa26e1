import { engineError } from '../../errors/EngineError.js';
import type { ConditionExpression } from '../../model/graph/ProcessGraph.js';
import type { ActivityExecution } from '../runtime/ActivityExecution.js';

/**
 * Evaluates a sequence-flow or event condition: a JUEL expression, or a script in another
 * language. Like Camunda, a condition must produce a boolean.
 */
export async function evaluateCondition(execution: ActivityExecution, condition: ConditionExpression): Promise<boolean> {
  let result: unknown;
  if (condition.language === 'juel') {
    result = execution.evaluate(condition.text.trim());
  } else {
    result = await execution.ctx.scripts.forLanguage(condition.language).run({
      language: condition.language,
      source: condition.text,
      name: execution.entity.activityId ?? execution.id,
      variables: execution.scriptVariables(),
      execution: execution.scriptBridge(null),
    });
  }
  if (typeof result !== 'boolean') {
    const kind = result === null || result === undefined ? 'null' : typeof result;
    throw engineError('processEngine', `condition expression returns non-Boolean: ${String(result)} (${kind})`);
  }
  return result;
}
