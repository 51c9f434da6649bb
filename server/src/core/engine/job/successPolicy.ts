/**
 * success_policy.go: matchSuccessPolicy. Rules are tried in order; the first match gives the message
 * "Matched rules at index <i>". A rule with succeededIndexes needs all of them (or, with
 * succeededCount, that many of them); a rule with only succeededCount needs that many indexes.
 */
import { parseIndexes, total, type OrderedIntervals } from './indexes';
import type { SuccessPolicy } from './types';

export function matchSuccessPolicy(policy: SuccessPolicy | null, enabled: boolean, completions: number, succeeded: OrderedIntervals): string | null {
  if (!enabled || policy === null || succeeded.length === 0) return null;
  for (let index = 0; index < policy.rules.length; index++) {
    const rule = policy.rules[index];
    if (rule.succeededIndexes !== undefined) {
      const required = parseIndexes(rule.succeededIndexes, completions);
      // A rule whose indexes do not parse (or lie beyond completions) never matches.
      if (required.length === 0) continue;
      if (matchSucceededIndexesRule(required, succeeded, rule.succeededCount)) return `Matched rules at index ${index}`;
    } else if (rule.succeededCount !== undefined && total(succeeded) >= rule.succeededCount) {
      return `Matched rules at index ${index}`;
    }
  }
  return null;
}

/** matchSucceededIndexesRule: walk both interval lists once, counting the overlap. */
function matchSucceededIndexesRule(rule: OrderedIntervals, succeeded: OrderedIntervals, succeededCount: number | undefined): boolean {
  let contains = 0;
  let s = 0;
  let r = 0;
  while (r < rule.length && s < succeeded.length) {
    const overlap = Math.min(rule[r].last, succeeded[s].last) - Math.max(rule[r].first, succeeded[s].first) + 1;
    if (overlap > 0) contains += overlap;
    if (succeeded[s].last < rule[r].last) s++;
    else if (succeeded[s].last > rule[r].last) r++;
    else {
      s++;
      r++;
    }
  }
  return contains === total(rule) || (succeededCount !== undefined && contains >= succeededCount);
}
