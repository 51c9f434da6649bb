/**
 * The Timeline JSON types (design §4.3) as the webview sees them. They are defined once, next to the engine
 * that produces them; this module is the webview's only way in, so a move of that file changes one line.
 */
export type * from '../../../server/src/core/engine/timeline';
