/**
 * What a Job looks like to batch validation on create, after the registry has run:
 * - pkg/apis/batch/v1/defaults.go SetDefaults_Job: a Job without labels whose template has a labels map
 *   (even `{}`) gets that very map as metadata.labels — the two stay one shared map;
 * - pkg/registry/batch/job/strategy.go PrepareForCreate → generateSelector (unless manualSelector: true):
 *   template labels job-name and batch.kubernetes.io/job-name = metadata.name and controller-uid and
 *   batch.kubernetes.io/controller-uid = metadata.uid are added where absent (so they also land in the shared
 *   metadata.labels), and spec.selector gets matchLabels batch.kubernetes.io/controller-uid = uid where absent;
 * - rest.FillObjectMetaSystemFields gives every new object a fresh random uid, which a manifest cannot know.
 * The uid (and a name still to be generated from generateName) are stood in for by placeholders that are
 * valid label values, and shown as `<uid>` / `<generated name>` in messages.
 */
import type { Job, LabelSelector, Labels } from '../../model/types';

export const LEGACY_JOB_NAME_LABEL = 'job-name';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';

/** Stand-ins: valid label values no manifest plausibly contains. */
export const UID_PLACEHOLDER = 'f8c3de3d-1fea-4d7c-a8b0-29f63c4c3454';
const NAME_PLACEHOLDER = 'k8s-dryrun-generated-name-x7q2z';

export interface JobServerView {
  /** manualSelector: true — no selector or labels are generated. */
  readonly manualSelector: boolean;
  /** metadata.name, or a placeholder when the API server generates it from generateName. */
  readonly name: string;
  readonly nameKnown: boolean;
  /** The template labels validation sees (undefined = nil map). */
  readonly templateLabels: Labels | undefined;
  /** Template label keys the registry added. */
  readonly generatedLabelKeys: readonly string[];
  /** The selector validation sees (undefined = nil). */
  readonly selector: LabelSelector | undefined;
  /** metadata.labels is the template labels map (SetDefaults_Job). */
  readonly sharesTemplateLabels: boolean;
}

export function jobServerView(written: Job): JobServerView {
  const spec = written.spec ?? {};
  const writtenTemplateLabels = spec.template?.metadata?.labels;
  const sharesTemplateLabels = writtenTemplateLabels !== undefined && Object.keys(written.metadata?.labels ?? {}).length === 0;
  const nameKnown = Boolean(written.metadata?.name);
  const name = written.metadata?.name || NAME_PLACEHOLDER;
  const manualSelector = spec.manualSelector === true;
  if (manualSelector) {
    return { manualSelector, name, nameKnown, templateLabels: writtenTemplateLabels, generatedLabelKeys: [], selector: spec.selector, sharesTemplateLabels };
  }
  const templateLabels: Labels = { ...writtenTemplateLabels };
  const generatedLabelKeys: string[] = [];
  const generated: [string, string][] = [
    [LEGACY_JOB_NAME_LABEL, name],
    [JOB_NAME_LABEL, name],
    [LEGACY_CONTROLLER_UID_LABEL, UID_PLACEHOLDER],
    [CONTROLLER_UID_LABEL, UID_PLACEHOLDER],
  ];
  for (const [key, value] of generated) {
    if (Object.prototype.hasOwnProperty.call(templateLabels, key)) continue;
    templateLabels[key] = value;
    generatedLabelKeys.push(key);
  }
  const userSelector = spec.selector;
  const matchLabels: Labels = { ...userSelector?.matchLabels };
  if (!Object.prototype.hasOwnProperty.call(matchLabels, CONTROLLER_UID_LABEL)) matchLabels[CONTROLLER_UID_LABEL] = UID_PLACEHOLDER;
  const selector: LabelSelector = userSelector?.matchExpressions === undefined ? { matchLabels } : { matchLabels, matchExpressions: userSelector.matchExpressions };
  return { manualSelector, name, nameKnown, templateLabels, generatedLabelKeys, selector, sharesTemplateLabels };
}

/** Replaces the stand-ins in a rendered message. */
export function showPlaceholders(message: string): string {
  return message.split(UID_PLACEHOLDER).join('<uid>').split(NAME_PLACEHOLDER).join('<generated name>');
}
