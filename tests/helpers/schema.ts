import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ROOT } from './cli.js';

/** A validator for one of the published schemas in schema/. */
export function schemaValidator(name: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // ajv-formats ships CommonJS; its default export is the plugin function.
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const schema = JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8'));
  const validate = ajv.compile(schema);
  return (data: unknown): string[] => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}
