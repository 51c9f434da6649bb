/**
 * The what-if controls as data: which fields the form offers for a kind, and the two-way mapping between the
 * form's text values and a WhatIf. Pure (no DOM), so it is unit-tested on its own; scenarioBar.ts draws it.
 *
 * An empty input means "not set": the scenario's own value stays. A group (failFirst, failureRate, ...) is set
 * when any of its inputs is filled; its other inputs then take the defaults named in their hints.
 */
import type { WhatIf } from '../../../../server/src/protocol/whatIf';
import { l10nKey, t } from '../l10n';

export type WhatIfFieldName =
  | 'runSeconds'
  | 'startupSeconds'
  | 'failFirst.attempts'
  | 'failFirst.exitCode'
  | 'failureRate.rate'
  | 'failureRate.seed'
  | 'failIndex.index'
  | 'failIndex.exitCode'
  | 'nodes.count'
  | 'nodes.labels'
  | 'nodes.taints'
  | 'nodeJoin.at'
  | 'nodeLeave.at'
  | 'nodeLeave.name'
  | 'setImage.at'
  | 'setImage.image'
  | 'controllerDown.at'
  | 'controllerDown.for'
  | 'until';

/** Which objects a field applies to. */
type Applies = 'all' | 'jobs' | 'indexed' | 'daemonset' | 'rollout';

export interface WhatIfField {
  readonly name: WhatIfFieldName;
  /** The fieldset it is drawn in. */
  readonly group: WhatIfGroup;
  readonly label: string;
  /** What the input takes, shown under it. */
  readonly hint: string;
  readonly input: 'integer' | 'number' | 'duration' | 'text';
  readonly placeholder?: string;
  readonly applies: Applies;
}

export type WhatIfGroup = 'Pods' | 'Failures' | 'Nodes' | 'Changes over time' | 'Control plane';

export const WHAT_IF_FIELDS: readonly WhatIfField[] = [
  { name: 'runSeconds', group: 'Pods', label: l10nKey('Run time (s)'), hint: l10nKey('seconds each container runs'), input: 'number', placeholder: l10nKey('e.g. 10'), applies: 'all' },
  { name: 'startupSeconds', group: 'Pods', label: l10nKey('Start-up time (s)'), hint: l10nKey('seconds from scheduled to running'), input: 'number', placeholder: l10nKey('e.g. 2'), applies: 'all' },
  { name: 'failFirst.attempts', group: 'Failures', label: l10nKey('First N attempts fail'), hint: l10nKey('N pods of each Job fail'), input: 'integer', placeholder: l10nKey('e.g. 2'), applies: 'jobs' },
  { name: 'failFirst.exitCode', group: 'Failures', label: l10nKey('with exit code'), hint: l10nKey('default 1'), input: 'integer', placeholder: '1', applies: 'jobs' },
  { name: 'failureRate.rate', group: 'Failures', label: l10nKey('Failure rate'), hint: l10nKey('from 0 to 1'), input: 'number', placeholder: l10nKey('e.g. 0.3'), applies: 'jobs' },
  { name: 'failureRate.seed', group: 'Failures', label: l10nKey('random seed'), hint: l10nKey('default 1'), input: 'integer', placeholder: '1', applies: 'jobs' },
  { name: 'failIndex.index', group: 'Failures', label: l10nKey('Index that always fails'), hint: l10nKey('a completion index'), input: 'integer', placeholder: l10nKey('e.g. 3'), applies: 'indexed' },
  { name: 'failIndex.exitCode', group: 'Failures', label: l10nKey('with exit code'), hint: l10nKey('default 1'), input: 'integer', placeholder: '1', applies: 'indexed' },
  { name: 'nodes.count', group: 'Nodes', label: l10nKey('Node count'), hint: l10nKey('replaces the scenario’s nodes'), input: 'integer', placeholder: l10nKey('e.g. 3'), applies: 'daemonset' },
  { name: 'nodes.labels', group: 'Nodes', label: l10nKey('Node labels'), hint: 'k=v,k2=v2', input: 'text', placeholder: 'disk=ssd', applies: 'daemonset' },
  { name: 'nodes.taints', group: 'Nodes', label: l10nKey('Node taints'), hint: l10nKey('key=value:Effect, comma-separated'), input: 'text', placeholder: 'dedicated=gpu:NoSchedule', applies: 'daemonset' },
  { name: 'nodeJoin.at', group: 'Changes over time', label: l10nKey('A node joins at'), hint: l10nKey('a duration: 90s, 5m, 1h30m'), input: 'duration', placeholder: l10nKey('e.g. 5m'), applies: 'daemonset' },
  { name: 'nodeLeave.at', group: 'Changes over time', label: l10nKey('A node leaves at'), hint: l10nKey('a duration'), input: 'duration', placeholder: l10nKey('e.g. 8m'), applies: 'daemonset' },
  { name: 'nodeLeave.name', group: 'Changes over time', label: l10nKey('which node'), hint: l10nKey('its name'), input: 'text', placeholder: 'worker-1', applies: 'daemonset' },
  { name: 'setImage.at', group: 'Changes over time', label: l10nKey('Image changes at'), hint: l10nKey('a duration'), input: 'duration', placeholder: l10nKey('e.g. 10m'), applies: 'rollout' },
  { name: 'setImage.image', group: 'Changes over time', label: l10nKey('to image'), hint: l10nKey('the new image'), input: 'text', placeholder: 'repo/app:v2', applies: 'rollout' },
  { name: 'controllerDown.at', group: 'Control plane', label: l10nKey('Controllers down at'), hint: l10nKey('a duration'), input: 'duration', placeholder: l10nKey('e.g. 2m'), applies: 'all' },
  { name: 'controllerDown.for', group: 'Control plane', label: l10nKey('for'), hint: l10nKey('a duration'), input: 'duration', placeholder: l10nKey('e.g. 5m'), applies: 'all' },
  { name: 'until', group: 'Control plane', label: l10nKey('Simulate until'), hint: l10nKey('the horizon, a duration'), input: 'duration', placeholder: l10nKey('e.g. 30m'), applies: 'all' },
];

export const WHAT_IF_GROUPS: readonly WhatIfGroup[] = ['Pods', 'Failures', 'Nodes', 'Changes over time', 'Control plane'];

/** Each group's legend, as an l10n key (translated where it is shown). */
export const WHAT_IF_GROUP_LABELS: Readonly<Record<WhatIfGroup, string>> = {
  Pods: l10nKey('Pods'),
  Failures: l10nKey('Failures'),
  Nodes: l10nKey('Nodes'),
  'Changes over time': l10nKey('Changes over time'),
  'Control plane': l10nKey('Control plane'),
};

/** The fields the form offers for a kind (Indexed Jobs, and CronJobs whose Jobs are Indexed, get failIndex). */
export function fieldsFor(kind: string | undefined, indexed = false): WhatIfField[] {
  const isJobLike = kind === 'Job' || kind === 'CronJob';
  return WHAT_IF_FIELDS.filter((field) => {
    switch (field.applies) {
      case 'all':
        return true;
      case 'jobs':
        return isJobLike;
      case 'indexed':
        return isJobLike && indexed;
      case 'daemonset':
        return kind === 'DaemonSet';
      case 'rollout':
        // an image change rolls out: a DaemonSet, a Deployment and a StatefulSet replace their pods (a bare
        // ReplicaSet does not: its new template applies only to pods it makes later)
        return kind === 'DaemonSet' || kind === 'Deployment' || kind === 'StatefulSet';
    }
  });
}

/** The form's values: field name → the input's text. */
export type WhatIfFormValues = Readonly<Partial<Record<WhatIfFieldName, string>>>;

export interface WhatIfFieldError {
  readonly field: WhatIfFieldName;
  readonly message: string;
}

export interface FormResult {
  /** The edits that could be read; a field with an error is left out (the scenario's value stays). */
  readonly whatIf: WhatIf;
  readonly errors: readonly WhatIfFieldError[];
}

/** Scenario durations: Go-style (`90s`, `5m`, `1h30m`, `250ms`, plus `d`) or a number of seconds. */
const DURATION = /^(?:(?:\d+(?:\.\d+)?|\.\d+)(?:ms|s|m|h|d))+$|^\d+(?:\.\d+)?$/;

/** The WhatIf a form's values stand for, with a message for each value that cannot be read. */
export function formToWhatIf(values: WhatIfFormValues, kind?: string, indexed = false): FormResult {
  const offered = new Set(kind === undefined ? WHAT_IF_FIELDS.map((f) => f.name) : fieldsFor(kind, indexed).map((f) => f.name));
  const errors: WhatIfFieldError[] = [];
  const text = (name: WhatIfFieldName): string | undefined => {
    if (!offered.has(name)) return undefined;
    const value = values[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const fail = (field: WhatIfFieldName, message: string): undefined => {
    errors.push({ field, message });
    return undefined;
  };
  const number = (name: WhatIfFieldName, check: (n: number) => string | undefined, integer: boolean): number | undefined => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) return fail(name, integer ? t('“{0}” is not a whole number', raw) : t('“{0}” is not a number', raw));
    const problem = check(n);
    return problem === undefined ? n : fail(name, problem);
  };
  const nonNegative = (n: number): string | undefined => (n < 0 ? t('must be 0 or more') : undefined);
  const exitCode = (n: number): string | undefined => (n < 0 || n > 255 ? t('an exit code is 0 to 255') : undefined);
  const duration = (name: WhatIfFieldName): string | undefined => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    return DURATION.test(raw) ? raw : fail(name, t('“{0}” is not a duration (90s, 5m, 1h30m, or seconds)', raw));
  };
  const missing = (name: WhatIfFieldName, what: string): undefined => fail(name, t('needed: {0}', what));

  const whatIf: { -readonly [K in keyof WhatIf]: WhatIf[K] } = {};
  const runSeconds = number('runSeconds', nonNegative, false);
  if (runSeconds !== undefined) whatIf.runSeconds = runSeconds;
  const startupSeconds = number('startupSeconds', nonNegative, false);
  if (startupSeconds !== undefined) whatIf.startupSeconds = startupSeconds;

  if (text('failFirst.attempts') !== undefined || text('failFirst.exitCode') !== undefined) {
    const attempts = number('failFirst.attempts', nonNegative, true);
    const code = text('failFirst.exitCode') === undefined ? 1 : number('failFirst.exitCode', exitCode, true);
    if (text('failFirst.attempts') === undefined) missing('failFirst.attempts', t('how many attempts fail'));
    else if (attempts !== undefined && code !== undefined) whatIf.failFirst = { attempts, exitCode: code };
  }
  if (text('failureRate.rate') !== undefined || text('failureRate.seed') !== undefined) {
    const rate = number('failureRate.rate', (n) => (n < 0 || n > 1 ? t('a rate is from 0 to 1') : undefined), false);
    const seed = text('failureRate.seed') === undefined ? 1 : number('failureRate.seed', nonNegative, true);
    if (text('failureRate.rate') === undefined) missing('failureRate.rate', t('the failure rate'));
    else if (rate !== undefined && seed !== undefined) whatIf.failureRate = { rate, seed };
  }
  if (text('failIndex.index') !== undefined || text('failIndex.exitCode') !== undefined) {
    const index = number('failIndex.index', nonNegative, true);
    const code = text('failIndex.exitCode') === undefined ? 1 : number('failIndex.exitCode', exitCode, true);
    if (text('failIndex.index') === undefined) missing('failIndex.index', t('which index fails'));
    else if (index !== undefined && code !== undefined) whatIf.failIndex = { index, exitCode: code };
  }
  if (text('nodes.count') !== undefined || text('nodes.labels') !== undefined || text('nodes.taints') !== undefined) {
    const count = number('nodes.count', (n) => (n < 1 ? t('at least 1 node') : undefined), true);
    const labels = optional(text('nodes.labels'), (raw) => parseLabels(raw), (message) => fail('nodes.labels', message));
    const taints = optional(text('nodes.taints'), (raw) => parseTaints(raw), (message) => fail('nodes.taints', message));
    if (text('nodes.count') === undefined) missing('nodes.count', t('how many nodes'));
    else if (count !== undefined && labels !== null && taints !== null) {
      whatIf.nodes = { count, ...(labels ? { labels } : {}), ...(taints ? { taints } : {}) };
    }
  }
  const joinAt = duration('nodeJoin.at');
  if (joinAt !== undefined) whatIf.nodeJoin = { at: joinAt };
  if (text('nodeLeave.at') !== undefined || text('nodeLeave.name') !== undefined) {
    const at = duration('nodeLeave.at');
    const name = text('nodeLeave.name');
    if (text('nodeLeave.at') === undefined) missing('nodeLeave.at', t('when the node leaves'));
    if (name === undefined) missing('nodeLeave.name', t('which node leaves'));
    if (at !== undefined && name !== undefined) whatIf.nodeLeave = { at, name };
  }
  if (text('setImage.at') !== undefined || text('setImage.image') !== undefined) {
    const at = duration('setImage.at');
    const image = text('setImage.image');
    if (text('setImage.at') === undefined) missing('setImage.at', t('when the image changes'));
    if (image === undefined) missing('setImage.image', t('the new image'));
    if (at !== undefined && image !== undefined) whatIf.setImage = { at, image };
  }
  if (text('controllerDown.at') !== undefined || text('controllerDown.for') !== undefined) {
    const at = duration('controllerDown.at');
    const length = duration('controllerDown.for');
    if (text('controllerDown.at') === undefined) missing('controllerDown.at', t('when the controllers stop'));
    if (text('controllerDown.for') === undefined) missing('controllerDown.for', t('how long they are down'));
    if (at !== undefined && length !== undefined) whatIf.controllerDown = { at, for: length };
  }
  const until = duration('until');
  if (until !== undefined) whatIf.until = until;
  return { whatIf, errors };
}

/** `undefined` when not given, `null` when it could not be read (the error is reported), else the value. */
function optional<T>(raw: string | undefined, parse: (text: string) => Parsed<T>, report: (message: string) => void): T | undefined | null {
  if (raw === undefined) return undefined;
  const parsed = parse(raw);
  if ('error' in parsed) {
    report(parsed.error);
    return null;
  }
  return parsed.value;
}

/** A parsed value, or why the text could not be read. */
export type Parsed<T> = { readonly value: T } | { readonly error: string };

/** The form's values for a WhatIf (what the host says is in effect). */
export function whatIfToForm(whatIf: WhatIf | undefined): Record<WhatIfFieldName, string> {
  const w = whatIf ?? {};
  const str = (value: number | string | undefined): string => (value === undefined ? '' : String(value));
  return {
    runSeconds: str(w.runSeconds),
    startupSeconds: str(w.startupSeconds),
    'failFirst.attempts': str(w.failFirst?.attempts),
    'failFirst.exitCode': str(w.failFirst?.exitCode),
    'failureRate.rate': str(w.failureRate?.rate),
    'failureRate.seed': str(w.failureRate?.seed),
    'failIndex.index': str(w.failIndex?.index),
    'failIndex.exitCode': str(w.failIndex?.exitCode),
    'nodes.count': str(w.nodes?.count),
    'nodes.labels': w.nodes?.labels ? formatLabelList(w.nodes.labels) : '',
    'nodes.taints': w.nodes?.taints ? formatTaintList(w.nodes.taints) : '',
    'nodeJoin.at': str(w.nodeJoin?.at),
    'nodeLeave.at': str(w.nodeLeave?.at),
    'nodeLeave.name': str(w.nodeLeave?.name),
    'setImage.at': str(w.setImage?.at),
    'setImage.image': str(w.setImage?.image),
    'controllerDown.at': str(w.controllerDown?.at),
    'controllerDown.for': str(w.controllerDown?.for),
    until: str(w.until),
  };
}

/** Whether a WhatIf changes nothing. */
export function isEmptyWhatIf(whatIf: WhatIf | undefined): boolean {
  return whatIf === undefined || Object.values(whatIf).every((value) => value === undefined);
}

/** `disk=ssd,zone=a` → { disk: 'ssd', zone: 'a' }; a key without `=` gets the empty value (`gpu` → gpu=""). */
export function parseLabels(text: string): Parsed<Record<string, string>> {
  const labels: Record<string, string> = {};
  for (const part of text.split(',')) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    const key = (eq === -1 ? item : item.slice(0, eq)).trim();
    const value = eq === -1 ? '' : item.slice(eq + 1).trim();
    if (key === '') return { error: t('“{0}” has no key (write key=value)', item) };
    if (/\s/.test(key) || /\s/.test(value)) return { error: t('“{0}”: labels have no spaces', item) };
    labels[key] = value;
  }
  return { value: labels };
}

/** The taint effects the API server accepts (core/v1 TaintEffect). */
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

type Taint = { key: string; value?: string; effect: string };

/** `key=value:Effect,key2:Effect` → taints (the `kubectl taint` notation). */
export function parseTaints(text: string): Parsed<Taint[]> {
  const taints: Taint[] = [];
  for (const part of text.split(',')) {
    const item = part.trim();
    if (item === '') continue;
    const colon = item.lastIndexOf(':');
    if (colon === -1) return { error: t('“{0}” has no effect (write key=value:NoSchedule)', item) };
    const effect = item.slice(colon + 1).trim();
    if (!TAINT_EFFECTS.includes(effect)) return { error: t('“{0}” is not a taint effect ({1})', effect, TAINT_EFFECTS.join(', ')) };
    const head = item.slice(0, colon);
    const eq = head.indexOf('=');
    const key = (eq === -1 ? head : head.slice(0, eq)).trim();
    if (key === '') return { error: t('“{0}” has no key', item) };
    taints.push(eq === -1 ? { key, effect } : { key, value: head.slice(eq + 1).trim(), effect });
  }
  return { value: taints };
}

export function formatLabelList(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([k, v]) => (v === '' ? k : `${k}=${v}`))
    .join(',');
}

export function formatTaintList(taints: readonly { readonly key: string; readonly value?: string; readonly effect: string }[]): string {
  return taints.map((t) => `${t.key}${t.value !== undefined && t.value !== '' ? `=${t.value}` : ''}:${t.effect}`).join(',');
}
