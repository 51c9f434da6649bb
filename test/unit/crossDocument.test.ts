/**
 * statefulset-service-not-found: a StatefulSet's serviceName against the Services written next to it (same file,
 * the other files around it), as lint, the editor's incremental analysis and the pass itself report it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FileAnalysis, lint, lintChunk, type Finding, type LintOptions } from '../../server/src/core';
import { crossDocumentFindings, type ServiceFacts } from '../../server/src/core/crossDocument';

const SEED = readFileSync(join(__dirname, '../../../test/fixtures/seeds/004-statefulset-nginx-and-service.yaml'), 'utf8');
/** The seed's StatefulSet alone (its `serviceName: "nginx"` is on line 10), and its Service alone. */
const SET = SEED.slice(0, SEED.indexOf('---\n'));
const SERVICE = SEED.slice(SEED.indexOf('---\n') + 4);
const RULE = 'statefulset-service-not-found';

const NOT_FOUND =
  'no Service named "nginx" among the manifests checked with this StatefulSet (this file, its workspace folder or the files linted together). Add a headless Service (clusterIP: None) of that name, or correct serviceName.';
const NOTE =
  'The pods get stable DNS names (<pod>.nginx, e.g. stateful-nginx-0.nginx) only through a headless Service of that name governing the set; without one, peers that find each other by those names cannot resolve them.';
const notHeadless = (clusterIP: string): string =>
  `the Service "nginx" is not headless (its spec.clusterIP is ${clusterIP}, not "None"): it balances traffic over the pods but gives them no names of their own. Set clusterIP: None on it (a new Service: the field cannot be changed later), or point serviceName at a headless one.`;

interface Seen {
  readonly message: string;
  readonly line: number;
}

function seen(findings: readonly Finding[]): Seen[] {
  return findings.filter((f) => f.ruleId === RULE).map((f) => ({ message: f.message, line: f.range.start.line }));
}

/** The pass over one file's summaries and the Services known from elsewhere. */
function check(text: string, known: readonly ServiceFacts[] = [], options: LintOptions = {}): Finding[] {
  return crossDocumentFindings(lintChunk(text, options).documents, known, options.locale === 'zh-cn' ? 'zh-cn' : 'en');
}

const withService = (edit: (service: string) => string, set = SET): string => `${set}---\n${edit(SERVICE)}`;

const CASES: readonly { name: string; text: string; known?: ServiceFacts[]; options?: LintOptions; expected: Seen[] }[] = [
  { name: 'the seed: its Service in the same file is headless', text: SEED, expected: [] },
  { name: 'no Service at all', text: SET, expected: [{ message: NOT_FOUND, line: 10 }] },
  { name: 'the Service comes first in the file', text: `${SERVICE}---\n${SET}`, expected: [] },
  {
    name: 'a Service of that name without clusterIP (a cluster IP is allocated)',
    text: withService((s) => s.replace('  clusterIP: None\n', '')),
    expected: [{ message: notHeadless('not set (a cluster IP is allocated)'), line: 10 }],
  },
  {
    name: 'a Service with a cluster IP',
    text: withService((s) => s.replace('clusterIP: None', 'clusterIP: 10.96.0.20')),
    expected: [{ message: notHeadless('"10.96.0.20"'), line: 10 }],
  },
  {
    name: 'the headless Service is in another namespace',
    text: withService((s) => s.replace('namespace: default', 'namespace: web')),
    expected: [
      {
        message:
          'the only Service named "nginx" is in namespace "web", not "default": a StatefulSet is governed by a Service in its own namespace.',
        line: 10,
      },
    ],
  },
  { name: 'the Service has no namespace: it goes where the set goes', text: withService((s) => s.replace('  namespace: default\n', '')), expected: [] },
  { name: 'the StatefulSet has no namespace', text: withService((s) => s, SET.replace('  namespace: default\n', '')), expected: [] },
  { name: 'a Service of another name', text: withService((s) => s.replace('name: nginx\n', 'name: web\n')), expected: [{ message: NOT_FOUND, line: 10 }] },
  { name: 'not a core v1 Service', text: withService((s) => s.replace('apiVersion: v1', 'apiVersion: example.com/v1')), expected: [{ message: NOT_FOUND, line: 10 }] },
  { name: 'no serviceName (optional): nothing to check', text: SET.replace('  serviceName: "nginx"\n', ''), expected: [] },
  { name: 'an empty serviceName', text: SET.replace('serviceName: "nginx"', 'serviceName: ""'), expected: [] },
  { name: 'turned off by a comment in the document', text: `# k8s-dryrun-disable ${RULE}\n${SET}`, expected: [] },
  { name: 'turned off by the setting', text: SET, options: { disabledRules: [RULE] }, expected: [] },
  { name: 'a comment turning off another rule', text: `# k8s-dryrun-disable statefulset-pvc-retained\n${SET}`, expected: [{ message: NOT_FOUND, line: 11 }] },
  { name: 'the headless Service is in another file', text: SET, known: [{ name: 'nginx', namespace: 'default', headless: true }], expected: [] },
  {
    name: 'another file has it, not headless',
    text: SET,
    known: [{ name: 'nginx', headless: false, clusterIP: '10.96.0.20' }],
    expected: [{ message: notHeadless('"10.96.0.20"'), line: 10 }],
  },
];

for (const { name, text, known, options, expected } of CASES) {
  test(`${RULE}: ${name}`, () => {
    assert.deepEqual(seen(check(text, known, options)), expected);
  });
}

test(`${RULE}: a warning on the serviceName value, with the DNS note, from lint() of the whole file`, () => {
  const findings = lint(SET).findings.filter((f) => f.ruleId === RULE);
  assert.deepEqual(findings, [
    {
      ruleId: RULE,
      severity: 'warning',
      fieldPath: 'spec.serviceName',
      message: NOT_FOUND,
      note: NOTE,
      range: { start: { line: 10, character: 15 }, end: { line: 10, character: 22 } },
      document: 0,
      kind: 'StatefulSet',
      name: 'stateful-nginx',
    },
  ]);
  assert.deepEqual(seen(lint(SEED).findings), []);
});

test(`${RULE}: in Chinese`, () => {
  const [finding] = check(SET, [], { locale: 'zh-cn' });
  assert.equal(
    finding.message,
    '与此 StatefulSet 一同检查的清单（本文件、所在工作区文件夹或一起 lint 的文件）中没有名为 "nginx" 的 Service。请添加一个同名的无头 Service（`clusterIP: None`），或更正 `serviceName`。',
  );
  assert.match(finding.note ?? '', /^只有存在管理该集合的同名无头 Service 时/);
});

test(`${RULE}: the editor's analysis: removing and restoring the Service's clusterIP adds and removes the warning`, () => {
  const analysis = new FileAnalysis({});
  let text = SEED;
  analysis.reset(text);
  assert.deepEqual(seen(analysis.findings()), []);
  const at = text.indexOf('  clusterIP: None\n');
  const removed = { start: at, end: at + '  clusterIP: None\n'.length, newText: '' };
  analysis.edit(removed);
  text = text.slice(0, removed.start) + text.slice(removed.end);
  analysis.refresh(text);
  assert.deepEqual(seen(analysis.findings()), [{ message: notHeadless('not set (a cluster IP is allocated)'), line: 10 }]);
  analysis.edit({ start: at, end: at, newText: '  clusterIP: None\n' });
  text = SEED;
  analysis.refresh(text);
  assert.deepEqual(seen(analysis.findings()), []);
  // Lines added above the StatefulSet move its warning with it.
  analysis.edit({ start: at, end: at + '  clusterIP: None\n'.length, newText: '' });
  analysis.edit({ start: 0, end: 0, newText: '# two\n# lines\n' });
  text = `# two\n# lines\n${SEED.replace('  clusterIP: None\n', '')}`;
  analysis.refresh(text);
  assert.deepEqual(
    analysis.findings().filter((f) => f.ruleId === RULE).map((f) => f.range),
    [{ start: { line: 12, character: 15 }, end: { line: 12, character: 22 } }],
  );
  assert.deepEqual(analysis.findings(), lint(text).findings);
});

test(`${RULE}: the editor's analysis takes the Services of the files around it`, () => {
  const analysis = new FileAnalysis({});
  analysis.reset(SET);
  assert.deepEqual(seen(analysis.findings()), [{ message: NOT_FOUND, line: 10 }]);
  analysis.setKnownServices([{ name: 'nginx', namespace: 'default', headless: true }]);
  assert.deepEqual(seen(analysis.findings()), []);
  analysis.setKnownServices([]);
  assert.deepEqual(seen(analysis.findings()), [{ message: NOT_FOUND, line: 10 }]);
});
