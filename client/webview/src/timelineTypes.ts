/** The Timeline JSON types, through the shared protocol folder (the webview's only way in). */
export type * from '../../../server/src/protocol/timeline';
