import type { CommandContext } from './CommandContext.js';

/**
 * Everything that reads or changes engine state is a command; it runs inside one unit of work
 * and, unless read-only, one database transaction (Camunda's Command + CommandContext).
 */
export interface Command<T> {
  /** Name for logs and metrics. */
  readonly name: string;
  /** Read-only commands run without a write transaction. */
  readonly readOnly?: boolean;
  execute(ctx: CommandContext): Promise<T>;
}

/** Builds a command from a function, for services that wrap one call. */
export function command<T>(name: string, execute: (ctx: CommandContext) => Promise<T>, readOnly = false): Command<T> {
  return { name, readOnly, execute };
}
