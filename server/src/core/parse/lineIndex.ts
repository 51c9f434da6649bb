/**
 * Offsets → LSP positions, computed from the text itself. The yaml package's LineCounter misses the line
 * breaks inside a scalar it rejects, which put every later finding a line too high; counting here does not
 * depend on what the parser made of the text.
 */
import type { Position } from '../findings';

export class LineIndex {
  /** Offset of the first character of each line. A line ends at `\n`, `\r\n` or a lone `\r`, as in LSP. */
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly text: string,
    /** Line number of the text's first line in the file it was cut from. */
    private readonly firstLine = 0,
  ) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of `offset`; an offset inside a line break is the end of its line, never past it. */
  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    const start = this.lineStarts[low];
    const character = Math.min(at, this.contentEnd(low)) - start;
    return { line: this.firstLine + low, character };
  }

  /** Where the line's text ends: before its `\n`, `\r\n` or `\r`. */
  private contentEnd(line: number): number {
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** How many line breaks `text` holds between `from` and `to` (`\r\n` counts once). */
export function countLineBreaks(text: string, from = 0, to = text.length): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  // Lone CRs (classic Mac line ends) are rare: look for them only when the text has a CR at all.
  if (text.indexOf('\r', from) !== -1) {
    for (let i = text.indexOf('\r', from); i !== -1 && i < to; i = text.indexOf('\r', i + 1)) {
      if (text.charCodeAt(i + 1) !== 10) count++;
    }
  }
  return count;
}
