import type { StartInstruction, TypedValue } from '../../api.js';
import { typedValueFromDto } from '../../api.js';
import { restError } from '../errors.js';

type Json = Record<string, unknown>;

const START_TYPES = ['startBeforeActivity', 'startAfterActivity', 'startTransition'] as const;

/** Camunda's `For instruction type 'x': …` check of a required field (ProcessInstanceModificationInstructionDto). */
function required(entry: Json, type: string, field: 'activityId' | 'transitionId'): string {
  const value = entry[field];
  if (typeof value !== 'string') throw restError(400, `For instruction type '${type}': '${field}' must be set`);
  return value;
}

/**
 * A start request's `startInstructions` → engine instructions. Variables marked `local` go to the
 * started execution, the others to the process instance (added to `processVariables`).
 * Cancellation instructions do nothing at start, as in Camunda.
 */
export function startInstructionsIn(raw: unknown, processVariables: Map<string, TypedValue>): StartInstruction[] {
  if (!Array.isArray(raw)) return [];
  const result: StartInstruction[] = [];
  for (const entry of raw as Json[]) {
    const type = entry?.['type'];
    if (type === 'cancel') continue;
    if (!START_TYPES.includes(type as (typeof START_TYPES)[number])) {
      throw restError(400, `Unknown start instruction type '${String(type)}'`);
    }
    const instruction: StartInstruction = { type: type as StartInstruction['type'] };
    if (type === 'startTransition') instruction.transitionId = required(entry, type, 'transitionId');
    else instruction.activityId = required(entry, String(type), 'activityId');
    const local = new Map<string, TypedValue>();
    for (const [name, value] of Object.entries((entry['variables'] ?? {}) as Record<string, Json>)) {
      const typed = typedValueFromDto(value);
      if (value?.['local'] === true) local.set(name, typed);
      else processVariables.set(name, typed);
    }
    if (local.size > 0) instruction.localVariables = local;
    result.push(instruction);
  }
  return result;
}
