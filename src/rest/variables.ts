import { typedValuesFromDtos } from '../api.js';
import { typedValueToDto, type ToDtoOptions, type VariableValueResponseDto } from '../api.js';
import type { TypedValue, VariableValueDto } from '../api.js';
import { restError, wrapError } from './errors.js';

/** A request's variables map (`{name: {value, type, valueInfo}}`) → typed values. */
export function variablesIn(raw: unknown): Map<string, TypedValue> {
  if (raw === null || raw === undefined) return new Map();
  if (typeof raw !== 'object' || Array.isArray(raw)) throw restError(400, 'variables must be a JSON object');
  return typedValuesFromDtos(raw as Record<string, VariableValueDto | null>) ?? new Map();
}

/** Like `variablesIn`, but errors carry the resource's prefix, e.g. "Cannot complete task x: …". */
export function variablesInFor(raw: unknown, prefix: string): Map<string, TypedValue> {
  try {
    return variablesIn(raw);
  } catch (error) {
    throw wrapError(error, 400, (m) => `${prefix}: ${m}`, 'InvalidRequestException');
  }
}

/** Typed values → the response's variables map. */
export function variablesOut(values: Iterable<[string, TypedValue]>, options: ToDtoOptions = {}): Record<string, VariableValueResponseDto> {
  const result: Record<string, VariableValueResponseDto> = {};
  for (const [name, value] of values) result[name] = typedValueToDto(value, options);
  return result;
}

/** Camunda's `deserializeValues` / `deserializeValue` query flag (default true). */
export function deserializeFlag(query: Readonly<Record<string, string>>, name = 'deserializeValues'): boolean {
  const raw = query[name];
  return raw === undefined ? true : raw !== 'false';
}
