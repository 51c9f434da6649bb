/**
 * A rule: metadata plus a pure check over one decoded, defaulted workload.
 * Rules return plain findings with a field path; lint() turns paths into ranges.
 */
import type { Severity } from '../findings';
import type { FixIntent } from '../parse/edits';
import type { Path } from '../parse/path';
import type { SourceMap } from '../parse/sourceMap';
import type { Locale } from '../i18n';
import type { KubernetesVersion } from '../kubernetesVersion';
import type { Workload, WorkloadKind } from '../model/types';

export interface RuleMeta {
  /** Stable kebab-case id; also the suppression key. */
  readonly id: string;
  readonly severity: Severity;
  readonly kinds: readonly WorkloadKind[];
  /** One sentence for docs and the README's rule table. */
  readonly description: string;
}

export interface RuleContext {
  /** The object after decoding and the API server's defaulting. */
  readonly object: Workload;
  /** The object as written (decoded, not defaulted): to tell an explicit value from a default. */
  readonly written: Workload;
  readonly apiVersion: string;
  readonly kubernetesVersion: KubernetesVersion;
  /** The language of advice messages (API server messages stay English); English when absent. */
  readonly locale?: Locale;
  /** The document's YAML nodes, for rules about how a value is written (quoted or not). */
  readonly sourceMap?: SourceMap;
}

export interface RuleFinding {
  /** Where the problem is in the document. */
  readonly path: Path;
  readonly message: string;
  /** A plain explanation in the user's language after an API server message (see Finding.note). */
  readonly note?: string;
  /** The API server's field path when it differs from formatPath(path) (e.g. `spec.template.labels`). */
  readonly fieldPath?: string;
  /** Which part of the located node to underline; 'value' by default. */
  readonly part?: 'key' | 'value';
  /** Quick fixes; lint() turns them into text edits and drops any it cannot place safely. */
  readonly fixes?: readonly FixIntent[];
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): readonly RuleFinding[];
}
