import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
}

/** Splits `---\nkey: value\n---\n` front matter off a document. Bad YAML is treated as body. */
export function splitFrontMatter(content: string): FrontMatter {
  const match = /^\uFEFF?---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(content);
  if (!match) return { data: {}, body: content };
  try {
    // A small alias budget keeps a YAML "billion laughs" from expanding.
    const data: unknown = parseYaml(match[1]!, { maxAliasCount: 50, prettyErrors: false, logLevel: 'silent' });
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      return { data: data as Record<string, unknown>, body: content.slice(match[0].length) };
    }
  } catch {
    // Not front matter after all: fall through and keep it as text.
  }
  return { data: {}, body: content };
}

/** A front-matter value as a string, when it is one (dates become ISO strings). */
export function fieldString(data: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string' && value.trim()) return value;
    if (typeof value === 'number') return String(value);
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
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
