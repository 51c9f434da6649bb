/** The language server's index of the workspace folders' Services: what it reads from disk and what it skips. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { MAX_FILE_BYTES, WorkspaceServices } from '../../server/src/lsp/workspaceServices';

const service = (name: string, clusterIP = 'None'): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  clusterIP: ${clusterIP}\n`;
const root = mkdtempSync(join(tmpdir(), 'k8s-dryrun-index-'));
after(() => rmSync(root, { recursive: true, force: true }));
const uri = (...parts: string[]): string => pathToFileURL(join(root, ...parts)).href;

for (const dir of ['app/db', 'app/node_modules/chart', 'app/.git', 'other']) mkdirSync(join(root, dir), { recursive: true });
writeFileSync(join(root, 'app/db/service.yml'), `# the database\n${service('db')}---\n${service('web', '10.96.0.9')}`);
writeFileSync(join(root, 'app/node_modules/chart/service.yaml'), service('vendored'));
writeFileSync(join(root, 'app/.git/service.yaml'), service('hidden'));
writeFileSync(join(root, 'app/big.yaml'), `${service('big')}${'#'.repeat(MAX_FILE_BYTES)}\n`);
writeFileSync(join(root, 'app/notes.txt'), service('text'));
writeFileSync(join(root, 'other/service.yaml'), service('elsewhere'));

test('the folder scan reads YAML Services, skipping node_modules, hidden folders, files over 1 MB and other folders', async () => {
  const index = new WorkspaceServices();
  index.setFolders([uri('app')]);
  assert.equal(await index.scan(), true);
  assert.deepEqual(index.servicesFor(uri('app/set.yaml')), [
    { name: 'db', headless: true, clusterIP: 'None' },
    { name: 'web', headless: false, clusterIP: '10.96.0.9' },
  ]);
  // A file's own Services come from its own text, not from the index.
  assert.deepEqual(index.servicesFor(uri('app/db/service.yml')), []);
  // Outside every folder: only what the file itself holds.
  assert.deepEqual(index.servicesFor(uri('other/set.yaml')), []);
});

test('an open document counts as typed; closing it counts its file on disk again', async () => {
  const index = new WorkspaceServices();
  index.setFolders([uri('app')]);
  await index.scan();
  const file = uri('app/db/service.yml');
  assert.equal(index.setOpen(file, [{ name: 'db', headless: false }]), true);
  assert.equal(index.setOpen(file, [{ name: 'db', headless: false }]), false);
  assert.deepEqual(index.servicesFor(uri('app/set.yaml')), [{ name: 'db', headless: false }]);
  assert.equal(await index.fileChanged(file, true), false, 'an open file is judged by its text, not the disk');
  assert.equal(await index.closed(file), true);
  assert.deepEqual(index.servicesFor(uri('app/set.yaml')).map((s) => s.name), ['db', 'web']);
});
