/** The what-if edits' type, through the shared protocol folder. */
export type { WhatIf } from '../core/engine/whatIf';
