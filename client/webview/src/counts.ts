/**
 * Counted nouns in the user's language: English says `1 pod` / `3 pods`, Chinese `1 个 Pod` / `3 个 Pod`.
 * Each count has its singular and plural template as l10n keys (a language without plurals translates both alike).
 */
import { t } from './l10n';

export const podCount = (n: number): string => (n === 1 ? t('{0} pod', n) : t('{0} pods', n));
export const jobCount = (n: number): string => (n === 1 ? t('{0} Job', n) : t('{0} Jobs', n));
export const runCount = (n: number): string => (n === 1 ? t('{0} run', n) : t('{0} runs', n));
export const restartCount = (n: number): string => (n === 1 ? t('{0} restart', n) : t('{0} restarts', n));
export const taintCount = (n: number): string => (n === 1 ? t('{0} taint', n) : t('{0} taints', n));
