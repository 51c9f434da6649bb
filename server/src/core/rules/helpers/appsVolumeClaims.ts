/**
 * A StatefulSet's volumeClaimTemplates, as pkg/apis/apps/validation/validation.go validateVolumeClaimTemplates
 * checks them since 1.34 (kubernetes PR 132212): each template's spec through
 * pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimSpec with the options of a new claim.
 * Covered: accessModes (required, supported values, ReadWriteOncePod alone), the selector, resources.requests
 * storage (required, greater than zero), storageClassName (a DNS-1123 subdomain) and volumeMode. Not covered:
 * dataSource / dataSourceRef and volumeAttributesClassName.
 */
import { isDns1123Subdomain } from '../../model/names';
import type { KubernetesVersion } from '../../kubernetesVersion';
import type { LabelSelector, PersistentVolumeClaimTemplate } from '../../model/types';
import type { Path } from '../../parse/path';
import { forbidden, invalid, notSupported, required } from './fieldErrors';
import { labelSelectorFindings } from './labelSelectorChecks';
import { quantityField, quantityString } from './podSpec/quantity';
import type { RuleFinding } from '../rule';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];

interface ClaimSpec {
  accessModes?: string[];
  selector?: LabelSelector;
  resources?: { requests?: Record<string, unknown> };
  storageClassName?: string;
  volumeMode?: string;
}

export function volumeClaimTemplateFindings(templates: readonly PersistentVolumeClaimTemplate[] | undefined, version: KubernetesVersion): RuleFinding[] {
  const findings: RuleFinding[] = [];
  (templates ?? []).forEach((template, index) => {
    const base: Path = ['spec', 'volumeClaimTemplates', index, 'spec'];
    const field = `spec.volumeClaimTemplates[${index}].spec`;
    const spec = (template?.spec ?? {}) as ClaimSpec;
    const modes = spec.accessModes ?? [];
    if (modes.length === 0) findings.push({ path: [...base, 'accessModes'], fieldPath: `${field}.accessModes`, message: required('at least 1 access mode is required') });
    if (spec.selector) findings.push(...labelSelectorFindings(spec.selector, [...base, 'selector'], `${field}.selector`, version));
    let readWriteOncePod = false;
    let other = false;
    modes.forEach((mode, modeIndex) => {
      if (!ACCESS_MODES.includes(mode)) {
        findings.push({ path: [...base, 'accessModes', modeIndex], fieldPath: `${field}.accessModes`, message: notSupported(mode, ACCESS_MODES) });
      }
      if (mode === 'ReadWriteOncePod') readWriteOncePod = true;
      else if (ACCESS_MODES.includes(mode)) other = true;
    });
    if (readWriteOncePod && other) {
      findings.push({ path: [...base, 'accessModes'], fieldPath: `${field}.accessModes`, message: forbidden('may not use ReadWriteOncePod with other access modes') });
    }
    const requests = spec.resources?.requests ?? {};
    const storagePath = `${field}.resources[storage]`;
    if (!Object.prototype.hasOwnProperty.call(requests, 'storage')) {
      findings.push({ path: [...base, ...(spec.resources ? ['resources'] : [])], fieldPath: storagePath, message: required() });
    } else {
      // ValidatePositiveQuantityValue; an unparsable quantity is a decoding error already.
      // (Quantity.Cmp(Quantity{}) <= 0 on the exact amount).
      const quantity = quantityField(requests.storage);
      if (quantity && quantity.nanos <= 0n) {
        findings.push({ path: [...base, 'resources', 'requests', 'storage'], fieldPath: storagePath, message: invalid(quantityString(quantity), 'must be greater than zero') });
      }
    }
    if (spec.storageClassName) {
      for (const detail of isDns1123Subdomain(spec.storageClassName)) {
        findings.push({ path: [...base, 'storageClassName'], fieldPath: `${field}.storageClassName`, message: invalid(spec.storageClassName, detail) });
      }
    }
    if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode)) {
      findings.push({ path: [...base, 'volumeMode'], fieldPath: `${field}.volumeMode`, message: notSupported(spec.volumeMode, VOLUME_MODES) });
    }
  });
  return findings;
}
