// Publication dates as their source wrote them, in ISO 8601, whatever the machine's time zone:
// a date without a time stays a date (`2026-03-14`), and a time keeps the offset it was given
// (`2026-03-14T09:00:00-05:00`); a time given with no zone at all stays a local time
// (`2026-03-14T09:00:00`) rather than being read in the zone of whoever runs inkwire.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

// Zone names feeds and pages still write (RFC 822 and the common North American ones).
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, ist: 330, jst: 540, kst: 540, aest: 600, aedt: 660,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
// "14 March 2026", "March 14, 2026", "Sat, 14 Mar 2026 09:00:00 -0500", "Mar 14 2026 9:00 AM EST".
const DAY_MONTH = /^(?:[a-z]+\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]{3,})\.?,?\s+(\d{4})(.*)$/i;
const MONTH_DAY = /^(?:[a-z]+\.?,?\s+)?([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/i;
const TIME = /^[\s,T]*(?:at\s+)?(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?(\.\d+)?\s*([ap])?\.?(?:m\.?)?\s*(?:\(?(z|[a-z]{2,5}|(?:gmt|utc)?\s*[+-]\d{1,2}(?::?\d{2})?)\)?)?$/i;

interface Parts {
  year: number;
  month: number;
  day: number;
  time?: { hour: number; minute: number; second: number; fraction: string };
  /** Minutes east of UTC, when the source gave a zone. */
  offset?: number;
}

/** A publication date in ISO 8601 as the source gave it, or undefined when it is not one. */
export function publicationDate(raw: unknown): string | undefined {
  if (raw instanceof Date) return fromDateObject(raw);
  if (typeof raw !== 'string') return undefined;
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text || text.length > 100) return undefined;
  const parts = isoParts(text) ?? writtenParts(text) ?? fallbackParts(text);
  return parts && valid(parts) ? format(parts) : undefined;
}

/** The instant a publication date stands for, in milliseconds (a date alone: its UTC midnight). */
export function publicationInstant(iso: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : ISO.exec(iso)?.[8] ? iso : `${iso}Z`);
}

function isoParts(text: string): Parts | undefined {
  const iso = ISO.exec(text);
  const compact = iso ? undefined : COMPACT.exec(text);
  const fields = iso ? iso.slice(1) : compact ? [...compact.slice(1, 7), '', compact[7]] : undefined;
  if (fields) {
    const [y, mo, d, h, mi, s, fraction, zone] = fields;
    const parts: Parts = { year: Number(y), month: Number(mo), day: Number(d) };
    if (h !== undefined) parts.time = { hour: Number(h), minute: Number(mi), second: Number(s ?? 0), fraction: fraction ?? '' };
    if (zone) parts.offset = zoneOffset(zone);
    return parts;
  }
  const slashed = SLASHED.exec(text);
  return slashed ? { year: Number(slashed[1]), month: Number(slashed[2]), day: Number(slashed[3]) } : undefined;
}

function writtenParts(text: string): Parts | undefined {
  let day: string, monthName: string, year: string, rest: string;
  const dm = DAY_MONTH.exec(text);
  const md = dm ? undefined : MONTH_DAY.exec(text);
  if (dm) [, day, monthName, year, rest] = dm as unknown as [string, string, string, string, string];
  else if (md) [, monthName, day, year, rest] = md as unknown as [string, string, string, string, string];
  else return undefined;
  const month = MONTHS[monthName.slice(0, 3).toLowerCase()];
  if (!month) return undefined;
  const parts: Parts = { year: Number(year), month, day: Number(day) };
  rest = rest.trim();
  if (!rest) return parts;
  const t = TIME.exec(rest);
  if (!t) return undefined;
  let hour = Number(t[1]);
  if (t[5]) hour = (hour % 12) + (t[5].toLowerCase() === 'p' ? 12 : 0);
  parts.time = { hour, minute: Number(t[2] ?? 0), second: Number(t[3] ?? 0), fraction: t[4] ?? '' };
  if (t[6]) {
    const offset = zoneOffset(t[6]);
    if (offset === undefined) return undefined;
    parts.offset = offset;
  }
  return parts;
}

/** What the platform's parser makes of anything else, read back in the zone it was read in. */
function fallbackParts(text: string): Parts | undefined {
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const explicitZone = /(?:\bz|\b(?:gmt|utc)|[+-]\d{2}:?\d{2})$/i.test(text);
  const date = new Date(time);
  if (explicitZone) {
    return { ...utcParts(date), offset: 0 };
  }
  // Read as local time: its local fields are the ones written, whatever the zone.
  const parts: Parts = { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
  if (/\d:\d/.test(text)) parts.time = { hour: date.getHours(), minute: date.getMinutes(), second: date.getSeconds(), fraction: '' };
  return parts;
}

function fromDateObject(date: Date): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  // A YAML or JSON date without a time arrives as that day's UTC midnight.
  const parts = utcParts(date);
  if (date.getTime() % 86_400_000 === 0) delete parts.time;
  else parts.offset = 0;
  return format(parts);
}

function utcParts(date: Date): Parts {
  const ms = date.getUTCMilliseconds();
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    time: { hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds(), fraction: ms ? `.${String(ms).padStart(3, '0')}` : '' },
  };
}

function zoneOffset(zone: string): number | undefined {
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  const m = /^(?:gmt|utc)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function valid(p: Parts): boolean {
  if (p.year < 1000 || p.year > 9999 || p.month < 1 || p.month > 12 || p.day < 1) return false;
  if (p.day > new Date(Date.UTC(p.year, p.month, 0)).getUTCDate()) return false;
  if (p.time && (p.time.hour > 23 || p.time.minute > 59 || p.time.second > 60)) return false;
  return p.offset === undefined || Math.abs(p.offset) <= 18 * 60;
}

function format(p: Parts): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${p.year}-${two(p.month)}-${two(p.day)}`;
  if (!p.time) return date;
  const { hour, minute, second, fraction } = p.time;
  const time = `${date}T${two(hour)}:${two(minute)}:${two(Math.min(second, 59))}${fraction}`;
  if (p.offset === undefined) return time;
  if (p.offset === 0) return `${time}Z`;
  const sign = p.offset < 0 ? '-' : '+';
  const abs = Math.abs(p.offset);
  return `${time}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}
