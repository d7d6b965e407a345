import { publicationDate } from './dates.js';

// Reading fields of loosely shaped records: Markdown front matter and JSON articles.

/** A front-matter value as a string, when it is one (dates become ISO strings, a date alone staying a date). */
export function fieldString(data: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string' && value.trim()) return value;
    if (typeof value === 'number') return String(value);
    if (value instanceof Date && !Number.isNaN(value.getTime())) return publicationDate(value);
    if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value.join(', ');
    if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') {
      return (value as { name: string }).name;
    }
  }
  return undefined;
}

/** A list field: a YAML list or a comma-separated string. */
export function fieldList(data: Record<string, unknown>, ...keys: string[]): string[] {
  for (const key of keys) {
    const value = data[key];
    if (Array.isArray(value)) return value.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
    if (typeof value === 'string' && value.trim()) return value.split(',').map((s) => s.trim());
  }
  return [];
}
