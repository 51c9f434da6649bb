/** Expands the CLI's file and directory arguments to YAML files, reporting what cannot be read, and reads them as text. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface Expanded {
  readonly files: string[];
  readonly errors: string[];
}

/** The path argument that means standard input, and the name findings from it carry. */
export const STDIN = '-';
export const STDIN_NAME = '<stdin>';

/** options.stdin: `-` stands for standard input (kept as `-` in files, once); readTextFile reads it. */
export function expandPaths(paths: readonly string[], options: { readonly stdin?: boolean } = {}): Expanded {
  const files: string[] = [];
  const errors: string[] = [];
  const visit = (path: string, explicit: boolean): void => {
    if (options.stdin && explicit && path === STDIN) {
      if (!files.includes(STDIN)) files.push(STDIN);
      return;
    }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      errors.push(`${path}: ${describeIoError(error)}`);
      return;
    }
    if (!isDirectory) {
      // A file named on the command line is linted whatever its extension.
      if (explicit || YAML_FILE.test(path)) files.push(path);
      return;
    }
    let entries: string[];
    try {
      entries = readdirSync(path).sort();
    } catch (error) {
      errors.push(`${path}: ${describeIoError(error)}`);
      return;
    }
    const found = files.length;
    for (const entry of entries) {
      if (!SKIPPED_DIRECTORIES.has(entry)) visit(join(path, entry), false);
    }
    // Checking nothing and saying all is well would hide a mistyped or wrong directory.
    if (explicit && files.length === found) errors.push(`${path}: no *.yaml or *.yml files in this directory`);
  };
  for (const path of paths) visit(path, true);
  return { files, errors };
}

/**
 * A file's text: UTF-8, or UTF-16 when it starts with a byte order mark (as Windows editors save it); the
 * mark itself is dropped. STDIN (`-`) reads standard input. Throws (with a message for describeIoError) when the file cannot be read or holds
 * NUL bytes, which no text file has: a binary file, or UTF-16 without a mark. YAML would find nothing in them.
 */
export function readTextFile(path: string): string {
  // File descriptor 0: standard input, read to its end (a pipe or a redirected file).
  const bytes = path === STDIN ? readFileSync(0) : readFileSync(path);
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  const text = new TextDecoder(encoding).decode(bytes);
  if (text.includes('\0')) throw new Error('not a text file: it contains NUL bytes (save it as UTF-8, or as UTF-16 with a byte order mark)');
  return text;
}

export function describeIoError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
