/**
 * The one table `npm run bench` prints: a row per figure, with the baseline it was measured against in the
 * same run, the target it has (if any) and whether the target is met. Rendered as Markdown, so a run can be
 * pasted into bench/README.md as it stands.
 */

export interface Row {
  readonly measure: string;
  /** The figure with its unit, e.g. "12 ms". */
  readonly value: string;
  /** The same-run baseline the ratio is taken against, e.g. "yaml parse 830 ms". */
  readonly baseline?: string;
  readonly ratio?: string;
  /** e.g. "≤ 2% of parse". */
  readonly target?: string;
  /** Whether the target is met (wall clock); undefined when there is no target or the figure could not be measured. */
  readonly met?: boolean;
  /**
   * Whether it is met by CPU time instead (the process's own, or the same ratio of CPU times): shown only where
   * it differs, because on a shared machine waiting for a core inflates wall-clock figures.
   */
  readonly metOnCpu?: boolean;
  readonly note?: string;
}

const HEADER = ['measure', 'value', 'same-run baseline', 'ratio', 'target', 'met', 'note'];

function cells(row: Row): string[] {
  const verdict = (met: boolean): string => (met ? 'met' : '**not met**');
  let met = row.met === undefined ? (row.target ? '?' : '') : verdict(row.met);
  if (row.met !== undefined && row.metOnCpu !== undefined && row.metOnCpu !== row.met) met += ` (CPU: ${row.metOnCpu ? 'met' : 'not met'})`;
  return [row.measure, row.value, row.baseline ?? '', row.ratio ?? '', row.target ?? '', met, row.note ?? ''];
}

/** A Markdown table whose columns are padded to line up in a terminal. */
export function renderTable(rows: readonly Row[]): string {
  const table = [HEADER, ...rows.map(cells)].map((r) => r.map((cell) => cell.replace(/\|/g, '\\|')));
  const widths = HEADER.map((_, column) => Math.max(...table.map((r) => r[column].length)));
  const line = (r: string[]): string => `| ${r.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(table[0]), rule, ...table.slice(1).map(line)].join('\n');
}

/** Milliseconds as people read them: 0.42 ms, 12.3 ms, 830 ms, 4,870 ms. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return `${ms < 1 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US')} ms`;
}

/** A count with thousands separators: 1,000. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
