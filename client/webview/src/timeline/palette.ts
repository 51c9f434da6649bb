/**
 * The current theme's colours as concrete values, for the SVG export: the chart's custom properties
 * (timeline.css) resolved by the browser from the --vscode-* variables.
 */
import type { PodState } from '../podState';
import type { SvgPalette } from './svg';

export function readPalette(element: HTMLElement): SvgPalette {
  const view = element.ownerDocument.defaultView;
  const style = view ? view.getComputedStyle(element) : undefined;
  const read = (name: string, fallback: string): string => {
    const value = style?.getPropertyValue(name).trim();
    // color-mix() and other functions an SVG viewer may not know are not used: the fallback instead
    return value && /^(#[0-9a-f]{3,8}|rgba?\([^)]*\)|[a-z]+)$/i.test(value) ? value : fallback;
  };
  const fg = read('--vscode-foreground', '#333333');
  const muted = read('--c-muted', '#777777');
  const states: Record<PodState, string> = {
    absent: muted,
    pending: read('--c-pending', '#bf8803'),
    running: read('--c-running', '#1a85ff'),
    ready: read('--c-ready', '#1a85ff'),
    succeeded: read('--c-succeeded', '#388a34'),
    failed: read('--c-failed', '#e51400'),
    terminating: read('--c-terminating', muted),
    gone: read('--c-terminating', muted),
  };
  return {
    background: read('--vscode-editor-background', '#ffffff'),
    foreground: fg,
    muted,
    border: read('--c-border', '#cccccc'),
    states,
    revisions: [0, 1, 2, 3, 4].map((i) => read(`--c-rev-${i}`, states.ready)),
    good: states.succeeded,
    bad: states.failed,
    marker: read('--c-marker', '#652d90'),
    fontFamily: style?.fontFamily || 'sans-serif',
  };
}
