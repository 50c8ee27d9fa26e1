/**
 * Camunda's wire date format `yyyy-MM-dd'T'HH:mm:ss.SSSZ` (e.g. `2026-01-31T10:00:00.000+0000`).
 * The Java client and pycamunda parse exactly this shape, so every date leaves in UTC with an
 * RFC-822 offset and milliseconds.
 */
export function formatDate(date: Date | null | undefined): string | null {
  if (!date) return null;
  return date.toISOString().replace('Z', '+0000');
}

const WIRE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses a date as Camunda's REST API accepts it: the wire format above, or ISO-8601 with `Z` or
 * a `+hh:mm` offset. Without an offset the time is read as UTC (the server's zone). Returns null
 * when the text is not a date.
 */
export function parseDate(text: string): Date | null {
  const m = WIRE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(utc);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return new Date(utc - offsetMinutes * 60_000);
}
