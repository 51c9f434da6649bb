/**
 * kubectl's table output: cells separated by tabs through Go's text/tabwriter as kubectl configures it
 * (cli-runtime printers.GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, pad with spaces). A column
 * is as wide as its widest cell plus 3 (at least 6); the last column is not padded.
 */

const MIN_WIDTH = 6;
const PADDING = 3;

export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (let i = 0; i < row.length - 1; i++) widths[i] = Math.max(widths[i] ?? MIN_WIDTH, width(row[i]) + PADDING);
  }
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell)))).join(''))
    .map((line) => `${line}\n`)
    .join('');
}

/** tabwriter counts UTF-8 characters (runes), not UTF-16 units. */
function width(text: string): number {
  // Only surrogates make the two differ: a text without any (nearly every cell) is as wide as it is long, and a
  // table of 20,000 pods is not split into arrays of characters cell by cell.
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return Array.from(text).length;
  }
  return text.length;
}
