import type { Figure } from './util.js';

function format(value: number, unit: string): string {
  // Scores (no unit) keep three decimals: 0.963 and 0.96 are different verdicts.
  const digits = unit === '' ? 3 : value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

/** The benchmark table: figure, inkwire's value, the baseline from the same run, ratio, target. */
export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.figure,
    format(f.value, f.unit),
    f.baseline !== undefined ? `${format(f.baseline, f.unit)}${f.baselineLabel ? ` (${f.baselineLabel})` : ''}` : '',
    f.baseline ? `${(f.value / f.baseline).toFixed(2)}×` : '',
    f.target ?? '',
    f.ok === undefined ? '' : f.ok ? 'met' : 'MISSED',
  ]);
  const header = ['figure', 'inkwire', 'baseline (same run)', 'ratio', 'target', ''];
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

export function printTable(figures: readonly Figure[]): void {
  process.stdout.write(renderTable(figures));
}
