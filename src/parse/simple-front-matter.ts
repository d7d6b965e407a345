// The front matter most Markdown notes have, `key: value` lines of plain or quoted text, read
// without the YAML library, which takes some 30 µs for even three such lines: a folder of
// 20,000 notes spent more in YAML than in reading them. Whatever is not certainly that shape
// (a list, a number, a comment, an escape, a repeated key) is left to the library, so the
// result is always the one it gives.

/** What the YAML 1.2 core schema reads as null, a boolean, an integer or a float (the yaml package's own tests). */
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/** How every string NOT_A_STRING matches begins: most keys and values are passed without trying them all. */
const NOT_A_STRING_START = /^(?:$|[~nNtTfF0-9+.-])/;
const notAString = (text: string) => NOT_A_STRING_START.test(text) && NOT_A_STRING.some((re) => re.test(text));

const LINE = /^([A-Za-z_][A-Za-z0-9_-]*): +(.*)$/;
/** Printable characters YAML takes as they are: no controls, tabs, byte-order marks or line separators. */
const PLAIN_CHARS = /^[\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*$/;
/** A plain scalar may not start with an indicator, nor hold `: ` or ` #`, nor end in `:`. */
const PLAIN = /^(?![-?:,[\]{}#&*!|>'"%@`])(?!.*(?:: | #)).*[^:\s]$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'([^']*)'$/;

/** The mapping `yaml` would read from these lines, when they are all simple `key: text`; undefined otherwise. */
export function simpleFrontMatter(yaml: string): Record<string, string> | undefined {
  const data: Record<string, string> = {};
  const lines = yaml.split('\n');
  for (const line of lines) {
    const match = LINE.exec(line);
    if (!match) return undefined;
    const key = match[1]!;
    const raw = match[2]!.replace(/ +$/, '');
    if (key === '__proto__' || Object.hasOwn(data, key) || notAString(key)) return undefined;
    if (!PLAIN_CHARS.test(raw)) return undefined;
    const value = DOUBLE_QUOTED.exec(raw)?.[1] ?? SINGLE_QUOTED.exec(raw)?.[1] ?? plainText(raw);
    if (value === undefined) return undefined;
    data[key] = value;
  }
  return data;
}

function plainText(raw: string): string | undefined {
  if (!PLAIN.test(raw) || notAString(raw)) return undefined;
  return raw;
}
