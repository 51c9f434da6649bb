/** Status and spec items (statusView.ts) as nested definition lists: keys, then values as text or sub-lists. */
import { el } from '../dom';
import type { StatusItem } from './statusView';

export function renderValueTree(doc: Document, items: readonly StatusItem[], className = 'value-tree'): HTMLDListElement {
  const list = el(doc, 'dl', { class: className });
  for (const item of items) {
    list.appendChild(el(doc, 'dt', { text: item.key }));
    if ('items' in item) list.appendChild(el(doc, 'dd', {}, [renderValueTree(doc, item.items)]));
    else list.appendChild(el(doc, 'dd', { text: item.text, attrs: { title: item.title || undefined } }));
  }
  return list;
}
