/**
 * The VSIX ships every bundle the build writes (a missing one works from source and fails once installed), and
 * the manifest carries what a Marketplace listing needs: without `repository` `vsce package` stops to ask, and a
 * missing icon or banner leaves the listing bare.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(__dirname, '../../..');
const REPOSITORY = 'https://github.com/k8s-dryrun/k8s-dryrun';

interface Manifest {
  [field: string]: unknown;
  repository?: { type?: string; url?: string };
  bugs?: { url?: string };
  homepage?: string;
  icon?: string;
  galleryBanner?: { color?: string; theme?: string };
}

const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as Manifest;
const semver = createRequire(__filename)('semver') as { intersects(a: string, b: string): boolean };

interface Lockfile {
  packages: Record<string, { engines?: { node?: string } }>;
}

function vsceFiles(): string[] {
  return execFileSync(process.execPath, [resolve(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

test('vsce packages every dist bundle (js and css), and no source maps or sources', () => {
  const bundles = readdirSync(resolve(ROOT, 'dist')).filter((f) => /\.(js|css)$/.test(f)).map((f) => `dist/${f}`);
  assert.ok(bundles.length >= 5, `run the build first; dist has ${bundles.join(', ')}`);
  const listed = vsceFiles();
  for (const bundle of bundles) assert.ok(listed.includes(bundle), `${bundle} is not in the VSIX (.vscodeignore)`);
  assert.deepEqual(listed.filter((f) => f.endsWith('.map') || f.endsWith('.ts')), []);
});

test('the manifest names the fields a Marketplace listing needs (vsce asks for repository otherwise)', () => {
  for (const field of ['name', 'displayName', 'description', 'version', 'publisher', 'license']) {
    assert.ok(typeof manifest[field] === 'string' && manifest[field] !== '', `package.json has no ${field}`);
  }
  assert.equal(manifest.repository?.type, 'git');
  assert.equal(manifest.repository?.url, `${REPOSITORY}.git`);
  assert.equal(manifest.bugs?.url, `${REPOSITORY}/issues`);
  assert.equal(manifest.homepage, `${REPOSITORY}#readme`);
  assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9A-Fa-f]{6}$/, 'galleryBanner.color is a hex colour');
  assert.ok(manifest.galleryBanner?.theme === 'dark' || manifest.galleryBanner?.theme === 'light', 'galleryBanner.theme is dark or light');
});

test('the icon is a square PNG of at least 128x128 that ships in the VSIX, with the licence, readme and changelog', () => {
  assert.ok(manifest.icon, 'package.json has no icon');
  const png = readFileSync(resolve(ROOT, manifest.icon));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${manifest.icon} is not a PNG`);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert.equal(width, height, 'the icon is square');
  assert.ok(width >= 128, `the Marketplace wants at least 128x128, the icon is ${width}x${height}`);
  const listed = vsceFiles();
  for (const file of [manifest.icon, 'LICENSE', 'README.md', 'CHANGELOG.md', 'package.json']) {
    assert.ok(listed.includes(file), `${file} is not in the VSIX (.vscodeignore)`);
  }
});

test('npm ci on Node 20 installs no package that asks for a newer Node (no EBADENGINE warning)', () => {
  assert.equal(manifest.engines && (manifest.engines as { node?: string }).node, '>=20');
  const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;
  const tooNew = Object.entries(lock.packages)
    .filter(([, entry]) => entry.engines?.node !== undefined && !semver.intersects(entry.engines.node, '^20'))
    .map(([path, entry]) => `${path} (node ${entry.engines?.node})`);
  assert.deepEqual(tooNew, [], 'these would print EBADENGINE on Node 20: keep them out of the install people run');
  // The schema generator's packages (kubernetes-models wants Node >= 22) are its own, installed by npm run schema.
  const schemaTool = JSON.parse(readFileSync(resolve(ROOT, 'server/tools/schema/package.json'), 'utf8')) as { dependencies: Record<string, string> };
  assert.equal(schemaTool.dependencies['kubernetes-models'], '5.1.0');
  assert.match((manifest.scripts as Record<string, string>).schema, /npm ci --prefix server\/tools\/schema .*&& node server\/tools\/generate-schema\.mjs/);
});
