/** Path checks of pkg/apis/core/validation/validation.go (validatePathNoBacksteps and the two built on it). */
import type { RuleFinding } from '../../rule';
import { str, type Errors } from './errorBodies';
import type { FieldPath } from './fieldPath';

export function validatePathNoBacksteps(target: string, path: FieldPath, e: Errors): RuleFinding[] {
  return target.split('/').includes('..') ? [path.finding(e.invalid(str(target), "must not contain '..'"))] : [];
}

/** validateLocalDescendingPath: relative, without `..` elements. */
export function validateLocalDescendingPath(target: string, path: FieldPath, e: Errors): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (target.startsWith('/')) findings.push(path.finding(e.invalid(str(target), 'must be a relative path')));
  return [...findings, ...validatePathNoBacksteps(target, path, e)];
}

/** ValidateLocalNonReservedPath: also may not start with `..` (unless that was already reported as a `../` element). */
export function validateLocalNonReservedPath(target: string, path: FieldPath, e: Errors): RuleFinding[] {
  const findings = validateLocalDescendingPath(target, path, e);
  if (target.startsWith('..') && !target.startsWith('../')) findings.push(path.finding(e.invalid(str(target), "must not start with '..'")));
  return findings;
}
