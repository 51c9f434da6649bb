/**
 * Expands the CLI's file and directory arguments to YAML files, reporting what cannot be read, and reads
 * them as text. Only regular files are read: opening a FIFO waits for a writer and a device such as
 * /dev/zero never ends, so both are refused from their stat before anything opens them. Each real file and
 * directory is visited once, so symbolic links (to a file named twice, to the directory itself, to its
 * parent) neither repeat findings nor loop.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface Expanded {
  readonly files: string[];
  readonly errors: string[];
}

/** The path argument that means standard input, and the name findings from it carry. */
export const STDIN = '-';
export const STDIN_NAME = '<stdin>';

/**
 * The largest file `simulate` reads whole (a scenario or a manifest it parses at once): bigger ones are refused
 * with a message rather than risking an out-of-memory abort. `lint` streams documents and has no such limit
 * per file, only per document (lintLimits.ts).
 */
export const MAX_WHOLE_FILE_BYTES = 64 * 1024 * 1024;

/** An error whose message is already the plain sentence to print after `file: `. */
export class InputError extends Error {}

/**
 * options.stdin: `-` stands for standard input (kept as `-` in files, once); readTextFile reads it.
 * Files come in the order given, directories' entries sorted by name; a file reached twice (named twice, or
 * through a symbolic link) is listed once, under the name it was first reached by.
 */
export function expandPaths(paths: readonly string[], options: { readonly stdin?: boolean } = {}): Expanded {
  const files: string[] = [];
  const errors: string[] = [];
  const seenFiles = new Set<string>();
  const seenDirectories = new Set<string>();

  const addFile = (path: string): void => {
    const real = realPath(path);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(path);
  };

  /** within: the real path of the directory being walked (undefined for a command-line argument). */
  const visit = (path: string, within: string | undefined): void => {
    const explicit = within === undefined;
    if (options.stdin && explicit && path === STDIN) {
      if (!files.includes(STDIN)) files.push(STDIN);
      return;
    }
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      // In a directory, a broken or looping link is only worth a message where a YAML file was meant.
      if (explicit || YAML_FILE.test(path)) errors.push(`${path}: ${describeIoError(error)}`);
      return;
    }
    if (!stats.isDirectory()) {
      // A file named on the command line is checked whatever its extension.
      if (!explicit && !YAML_FILE.test(path)) return;
      const notRegular = notRegularFile(stats);
      if (notRegular !== undefined) errors.push(`${path}: ${notRegular}`);
      else addFile(path);
      return;
    }
    const real = realPath(path);
    // A link back to this directory or one of its parents would walk in circles (or out of the tree named).
    if (within !== undefined && (within === real || within.startsWith(real.endsWith(sep) ? real : real + sep))) return;
    if (seenDirectories.has(real)) return;
    seenDirectories.add(real);
    let entries: string[];
    try {
      entries = readdirSync(path).sort();
    } catch (error) {
      errors.push(`${path}: ${describeIoError(error)}`);
      return;
    }
    const found = files.length;
    const errorsBefore = errors.length;
    for (const entry of entries) {
      if (!SKIPPED_DIRECTORIES.has(entry)) visit(join(path, entry), real);
    }
    // Checking nothing and saying all is well would hide a mistyped or wrong directory.
    if (explicit && files.length === found && errors.length === errorsBefore) errors.push(`${path}: no *.yaml or *.yml files in this directory`);
  };
  for (const path of paths) visit(path, undefined);
  return { files, errors };
}

/** Why a file that is not a directory cannot be read as a manifest, or undefined for a regular file. */
export function notRegularFile(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  const what = stats.isFIFO()
    ? 'a named pipe (FIFO)'
    : stats.isCharacterDevice()
      ? 'a character device'
      : stats.isBlockDevice()
        ? 'a block device'
        : stats.isSocket()
          ? 'a socket'
          : 'not a file';
  return `not a regular file but ${what}; only regular files are read (pipe input to - to read standard input)`;
}

function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    // stat just succeeded, so this is a race with a rename; the name itself will do.
    return path;
  }
}

/**
 * A file's text: UTF-8, or UTF-16 when it starts with a byte order mark (as Windows editors save it); the
 * mark itself is dropped. STDIN (`-`) reads standard input. Throws (with a message for describeIoError) when the
 * file is not a regular file, is bigger than MAX_WHOLE_FILE_BYTES, cannot be read or holds NUL bytes, which no
 * text file has: a binary file, or UTF-16 without a mark. YAML would find nothing in them.
 */
export function readTextFile(path: string): string {
  if (path !== STDIN) {
    const stats = statSync(path);
    if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    const notRegular = notRegularFile(stats);
    if (notRegular !== undefined) throw new InputError(notRegular);
    if (stats.size > MAX_WHOLE_FILE_BYTES) throw new InputError(tooBig(stats.size, MAX_WHOLE_FILE_BYTES, 'file'));
  }
  // File descriptor 0: standard input, read to its end (a pipe or a redirected file).
  const bytes = path === STDIN ? readFileSync(0) : readFileSync(path);
  if (bytes.length > MAX_WHOLE_FILE_BYTES) throw new InputError(tooBig(bytes.length, MAX_WHOLE_FILE_BYTES, 'input'));
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  const text = new TextDecoder(encoding).decode(bytes);
  if (text.includes('\0')) throw new InputError(NOT_TEXT);
  return text;
}

export const NOT_TEXT = 'not a text file: it contains NUL bytes (save it as UTF-8, or as UTF-16 with a byte order mark)';

/** `too big: 80 MB, more than the 64 MB a file can have here`. */
export function tooBig(bytes: number, limit: number, what: string): string {
  const mb = (n: number): string => `${Math.ceil(n / (1024 * 1024))} MB`;
  return `too big: ${mb(bytes)}, more than the ${mb(limit)} a ${what} can have here`;
}

export function describeIoError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error instanceof Error ? error.message : String(error);
}
