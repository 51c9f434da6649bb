/**
 * `# Source: path` comments, as `helm template` prints one after each `---`: the template a rendered document
 * came from, so a finding in piped-in output can name the file the user edits.
 */
const SOURCE = /^#\s*Source:\s*(\S.*?)\s*$/;
const DOCUMENT_START = /^---(\s|$)/;

/**
 * For a file line, the `# Source:` path of its document: the last such comment between the `---` that starts
 * the document and that line (or from the top of the text, for the first document); undefined when there is
 * none. `text` is a whole file or a `---` chunk of one whose first line is the file's line `firstLine`.
 */
export function sourceComments(text: string, firstLine = 0): (line: number) => string | undefined {
  // Line ends as LSP counts them (and so the findings' lines): LF, CRLF or a lone CR.
  const lines = text.split(/\r\n|\r|\n/);
  // sourceAt[i]: the source in effect at line i; reset at each document start.
  const sourceAt: (string | undefined)[] = [];
  let current: string | undefined;
  for (const line of lines) {
    if (DOCUMENT_START.test(line)) current = undefined;
    const match = SOURCE.exec(line);
    if (match) current = match[1];
    sourceAt.push(current);
  }
  return (line) => sourceAt[Math.max(0, Math.min(line - firstLine, sourceAt.length - 1))];
}
