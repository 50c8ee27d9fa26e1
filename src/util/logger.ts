import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured logger; each error site logs with a catalogue code so a log line leads to the source. */
export function createLogger(level: string = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({ name: 'm8flow', level });
}

export const silentLogger: Logger = pino({ level: 'silent' });
