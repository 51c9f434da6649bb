/**
 * How the preview names the document it shows: by the number `k8s-dryrun simulate --document N` takes and
 * `lint --format json` prints as `document`, counted from 0, so the three never disagree. The first document
 * (0) needs no number: the file's name says it. The words come in the editor's language (t); the number and
 * the commands stay as typed.
 */
import { t } from './l10n';

/** `jobs.yaml`, 1 → `jobs.yaml · document 1`; `jobs.yaml`, 0 or none → `jobs.yaml`. */
export function labelWithDocument(fileLabel: string, documentIndex: number | undefined): string {
  return documentIndex !== undefined && documentIndex > 0 ? t('{0} · document {1}', fileLabel, documentIndex) : fileLabel;
}

/** The tooltip that says how documents are counted, where a number is shown. */
export function documentNumberTooltip(documentIndex: number | undefined): string | undefined {
  if (documentIndex === undefined || documentIndex <= 0) return undefined;
  return t('Document {0}, counted from 0 (the YAML documents of the file, split at ---), as in k8s-dryrun simulate --document {0} and the "document" field of lint --format json', documentIndex);
}
