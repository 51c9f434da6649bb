/**
 * The Timeline JSON types (design §4.3), as the client and the webview see them. They are defined next to the
 * engine that produces them (core/ cannot import protocol/); this module is the only way the other rings reach
 * them, so a move of that file changes one line.
 */
export type * from '../core/engine/timeline';
