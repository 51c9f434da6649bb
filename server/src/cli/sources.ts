/**
 * `# Source: path` comments, as `helm template` prints one after each `---`: the template a rendered document
 * came from, so a finding in piped-in output can name the file the user edits.
 */
import type { Finding } from '../core';

const SOURCE = /^#\s*Source:\s*(\S.*?)\s*$/;
const DOCUMENT_START = /^---(\s|$)/;

/**
 * For a finding, the `# Source:` path of its document: the last such comment between the `---` that starts
 * the document and the finding's line (or from the top of the text, for the first document); undefined when
 * there is none.
 */
export function sourceComments(text: string): (finding: Finding) => string | undefined {
  const lines = text.split(/\r?\n/);
  // sourceAt[i]: the source in effect at line i; reset at each document start.
  const sourceAt: (string | undefined)[] = [];
  let current: string | undefined;
  for (const line of lines) {
    if (DOCUMENT_START.test(line)) current = undefined;
    const match = SOURCE.exec(line);
    if (match) current = match[1];
    sourceAt.push(current);
  }
  return (finding) => sourceAt[Math.min(finding.range.start.line, sourceAt.length - 1)];
}
