import chalk, { Chalk } from 'chalk';

/** FORCE_COLOR asks for colours where inkwire would not use them: in printed text too. */
export function forcesColor(env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  return force !== undefined && force !== '0' && force !== 'false' && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}

/**
 * Colours printed articles (formatText's layout): titles, the rule and details under them,
 * block quotes and the links heading. The text itself is unchanged, only wrapped in SGR codes.
 */
export function stylePrinted(text: string): string {
  const ink = new Chalk({ level: Math.max(1, chalk.level) as 1 | 2 | 3 });
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      if (/^=+$/.test(line)) return ink.dim(line);
      if (/^=+$/.test(lines[i + 1] ?? '') && line !== '') return ink.bold.cyan(line);
      if (/^=+$/.test(lines[i - 1] ?? '') && line !== '') return ink.gray(line);
      if (line.startsWith('| ')) return ink.italic(line);
      if (line === 'Links:') return ink.bold(line);
      return line;
    })
    .join('\n');
}
