import { Text } from 'ink';
import type { ReactNode } from 'react';
import type { Row, Run } from './rows.js';

/** One row from the shared row model (rows.ts), cut rather than wrapped at the box's edge. */
export function RowText({ row }: { readonly row: Row }) {
  return (
    <Text wrap="truncate-end" {...row.style}>
      {row.runs.map(styledRun)}
    </Text>
  );
}

/** A run inside its styles, innermost first; a plain run is just its text. */
function styledRun(run: Run, key: number): ReactNode {
  const { styles } = run;
  let node: ReactNode = run.text;
  styles.forEach((style, level) => {
    node = level === styles.length - 1 ? <Text key={key} {...style}>{node}</Text> : <Text {...style}>{node}</Text>;
  });
  return node;
}
