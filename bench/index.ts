/** `npm run bench`: every benchmark, each with its baseline measured in the same run. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lintBench } from './lint';

const RESULTS = resolve(__dirname, 'last-results.json');

type Figures = Record<string, number>;

function main(): void {
  const previous: Figures = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  const figures: Figures = {};
  const report = (name: string, value: number, unit: string, note: string): void => {
    figures[name] = value;
    const before = previous[name];
    const change = before ? ` (${(value / before).toFixed(2)}× the previous run)` : '';
    console.log(`${name.padEnd(34)} ${value.toFixed(value < 10 ? 2 : 0).padStart(10)} ${unit}${change}  ${note}`);
  };

  const lint = lintBench(3000);
  report('lint.documentsPerSecond', (lint.documents / lint.lintMs) * 1000, 'docs/s', `${lint.documents} documents, ${lint.findings} findings, ${lint.lintMs.toFixed(0)} ms`);
  report('lint.ratioToYamlParse', lint.lintMs / lint.parseMs, '×', `lint time / yaml.parseAllDocuments time of the same text (${lint.parseMs.toFixed(0)} ms)`);

  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(figures, null, 2)}\n`);
}

main();
