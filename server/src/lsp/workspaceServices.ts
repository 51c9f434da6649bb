/**
 * The Services written in the YAML files of the workspace folders, for statefulset-service-not-found: a
 * StatefulSet's headless Service is often in a file of its own. Read once from disk when the server starts
 * (bounded: files over 1 MB are skipped and the walk stops after 2,000 YAML files), then kept up to date from the
 * open documents (their text, not the disk's, while they are open) and the client's file watcher.
 */
import type { Dirent } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseManifests } from '../core';
import { servicesOf, type ServiceFacts } from '../core/crossDocument';

/** Bigger files are not read: a Service is a few lines, and a huge file is generated output, not a neighbour. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** The walk stops after this many YAML files, so a vast monorepo costs the server a bounded start. */
export const MAX_FILES = 2000;

const YAML_FILE = /\.ya?ml$/i;
/** A `kind: Service` line: files without one are not parsed. */
const MENTIONS_SERVICE = /^\s*kind:\s*["']?Service["']?\s*(#.*)?$/m;
const NONE: readonly ServiceFacts[] = [];

export class WorkspaceServices {
  /** Folder URIs, each ending in `/`. */
  private folders: string[] = [];
  private readonly byUri = new Map<string, readonly ServiceFacts[]>();
  private readonly open = new Set<string>();
  /** The last answer per document, the same array while nothing changed (FileAnalysis compares by identity). */
  private readonly answers = new Map<string, { generation: number; services: readonly ServiceFacts[] }>();
  private generation = 0;

  constructor(private readonly log: (message: string) => void = () => undefined) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map((uri) => (uri.endsWith('/') ? uri : `${uri}/`));
  }

  /** Reads the folders' YAML files; true when it found Services (open documents then need another look). */
  async scan(): Promise<boolean> {
    let files = 0;
    let found = false;
    for (const folder of this.folders) {
      const root = toPath(folder);
      if (root === undefined) continue;
      for await (const path of yamlFiles(root)) {
        if (++files > MAX_FILES) {
          this.log(`statefulset-service-not-found: stopped reading the workspace after ${MAX_FILES} YAML files`);
          return found;
        }
        const uri = pathToFileURL(path).href;
        if (this.open.has(uri)) continue;
        const services = await readServices(path);
        if (services.length > 0 && this.set(uri, services)) found = true;
      }
    }
    return found;
  }

  /** The Services of the other files in the document's workspace folder (its own come from its own documents). */
  servicesFor(uri: string): readonly ServiceFacts[] {
    const cached = this.answers.get(uri);
    if (cached?.generation === this.generation) return cached.services;
    const folder = this.folderOf(uri);
    const services: ServiceFacts[] = [];
    if (folder !== undefined) {
      for (const [other, list] of this.byUri) if (other !== uri && other.startsWith(folder)) services.push(...list);
    }
    const answer = services.length === 0 ? NONE : services;
    this.answers.set(uri, { generation: this.generation, services: answer });
    return answer;
  }

  /** An open document's Services, from its text; true when they changed. */
  setOpen(uri: string, services: readonly ServiceFacts[]): boolean {
    this.open.add(uri);
    return this.folderOf(uri) !== undefined && this.set(uri, services);
  }

  /** A closed document: what its file on disk holds counts again. True when that changed the Services. */
  async closed(uri: string): Promise<boolean> {
    this.open.delete(uri);
    this.answers.delete(uri);
    return this.reread(uri);
  }

  /** A file created, changed or deleted on disk (workspace/didChangeWatchedFiles); true when the Services changed. */
  async fileChanged(uri: string, deleted: boolean): Promise<boolean> {
    if (this.open.has(uri) || !YAML_FILE.test(uri) || this.folderOf(uri) === undefined) return false;
    return deleted ? this.set(uri, NONE) : this.reread(uri);
  }

  private async reread(uri: string): Promise<boolean> {
    const path = this.folderOf(uri) !== undefined && YAML_FILE.test(uri) ? toPath(uri) : undefined;
    return this.set(uri, path === undefined ? NONE : await readServices(path));
  }

  private set(uri: string, services: readonly ServiceFacts[]): boolean {
    const before = this.byUri.get(uri) ?? NONE;
    if (JSON.stringify(before) === JSON.stringify(services)) return false;
    if (services.length === 0) this.byUri.delete(uri);
    else this.byUri.set(uri, services);
    this.generation++;
    return true;
  }

  private folderOf(uri: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) if (uri.startsWith(folder) && (best === undefined || folder.length > best.length)) best = folder;
    return best;
  }
}

function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The YAML files under `root`, depth first; hidden folders and node_modules are skipped, unreadable ones too. */
async function* yamlFiles(root: string): AsyncGenerator<string> {
  let entries: Dirent[];
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') yield* yamlFiles(path);
    } else if (entry.isFile() && YAML_FILE.test(entry.name)) {
      yield path;
    }
  }
}

async function readServices(path: string): Promise<readonly ServiceFacts[]> {
  try {
    if ((await stat(path)).size > MAX_FILE_BYTES) return NONE;
    const text = await readFile(path, 'utf8');
    if (!MENTIONS_SERVICE.test(text)) return NONE;
    const services = servicesOf(parseManifests(text).documents);
    return services.length === 0 ? NONE : services;
  } catch {
    // Gone or unreadable since it was listed: it holds no Services we can know of.
    return NONE;
  }
}
