// The schema check of config.json, apart from the rest of the store: ajv is loaded only by
// a read of the whole file, never by an add, which needs no read at all.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { fileSchema, layout2Schema } from './layout.js';

/**
 * Formats are not checked: dates and URLs are normalised before they are stored, and
 * ajv-formats' date-time check alone doubled the time to validate. validateSchema off:
 * checking our own schema against the meta-schema cost 80 ms of every read; the schema is
 * checked once, in the tests.
 */
const AJV_OPTIONS = { allowUnionTypes: true, validateFormats: false, validateSchema: false } as const;

let current: ValidateFunction | undefined;
let layout2: ValidateFunction | undefined;

/** Why the data fails the layout's schema, or undefined when it passes. */
export function schemaProblem(data: unknown, layout: 'current' | '2.0.0'): string | undefined {
  const validate = layout === 'current' ? (current ??= compile(fileSchema)) : (layout2 ??= compile(layout2Schema));
  if (validate(data)) return undefined;
  const first = validate.errors?.[0];
  return `does not match the schema: ${clip(`${first?.instancePath ?? ''} ${first?.message ?? ''}`)}`;
}

function compile(schema: object): ValidateFunction {
  return new Ajv2020(AJV_OPTIONS).compile(schema);
}

function clip(text: string): string {
  const line = sanitizeLine(text).trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
