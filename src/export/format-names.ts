// Names and defaults the CLI needs when it starts, apart from the formatters themselves, so
// that registering the commands loads no formatting code.

export const EXPORT_FORMATS = ['json', 'jsonl', 'md', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export const DEFAULT_TEXT_WIDTH = 80;
