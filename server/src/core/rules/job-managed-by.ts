import { isDns1123Subdomain, regexError } from '../model/names';
import { invalid, required } from './helpers/fieldErrors';
import { jobSpecView } from './helpers/jobSpecFields';
import { goByteLength, tooLongMaxLength } from './helpers/listAndLengthErrors';
import type { Rule, RuleFinding } from './rule';

/** validation.go maxManagedByLength. */
const MAX_MANAGED_BY_LENGTH = 63;

/** staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go httpPathFmt (RFC 3986 path characters). */
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const HTTP_PATH_RE = new RegExp(`^${HTTP_PATH_FMT}$`);

/**
 * spec.managedBy (feature JobManagedBy): a domain-prefixed path of at most 63 bytes.
 * pkg/apis/batch/validation/validation.go validateJobSpec, with
 * staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go IsDomainPrefixedPath.
 */
export const jobManagedBy: Rule = {
  meta: {
    id: 'job-managed-by',
    severity: 'error',
    kinds: ['Job', 'CronJob'],
    description: 'spec.managedBy must be a domain-prefixed path such as "example.com/my-controller", at most 63 bytes.',
  },
  check(context) {
    const view = jobSpecView(context);
    const managedBy = view?.spec.managedBy;
    if (view === undefined || managedBy === undefined) return [];
    const path = [...view.path, 'managedBy'];
    const findings: RuleFinding[] = isDomainPrefixedPath(managedBy).map((message) => ({ path, message }));
    if (goByteLength(managedBy) > MAX_MANAGED_BY_LENGTH) {
      findings.push({ path, message: tooLongMaxLength(MAX_MANAGED_BY_LENGTH, context.kubernetesVersion) });
    }
    return findings;
  },
};

/** IsDomainPrefixedPath's error bodies: the host's and the path's errors name that part as the bad value. */
function isDomainPrefixedPath(value: string): string[] {
  if (value.length === 0) return [required()];
  const slash = value.indexOf('/');
  const host = slash < 0 ? value : value.slice(0, slash);
  const rest = slash < 0 ? '' : value.slice(slash + 1);
  if (slash < 0 || host.length === 0 || rest.length === 0) {
    return [invalid(value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  }
  const errors = isDns1123Subdomain(host).map((detail) => invalid(host, detail));
  if (!HTTP_PATH_RE.test(rest)) errors.push(invalid(rest, regexError('Invalid path', HTTP_PATH_FMT)));
  return errors;
}
