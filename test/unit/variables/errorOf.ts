import { EngineError } from '../../../src/errors/EngineError.js';

/** Runs `fn` and returns the EngineError it throws; fails the test when it throws nothing else. */
export function errorOf(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError');
}
