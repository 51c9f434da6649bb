/**
 * How long each step of showing a timeline takes, as User Timing measures (`k8s-dryrun:step:<name>`, from the
 * end of the step before): the bench and the UI test read them to say where a big run's time goes. Costs
 * nothing otherwise.
 */
export interface RenderSteps {
  /** Ends the step `name` now. */
  done(name: string): void;
}

export function renderSteps(start: number = now()): RenderSteps {
  let last = start;
  return {
    done(name) {
      if (typeof performance === 'undefined') return;
      const end = performance.now();
      performance.measure(`k8s-dryrun:step:${name}`, { start: last, end });
      last = end;
    },
  };
}

function now(): number {
  return typeof performance === 'undefined' ? 0 : performance.now();
}

/**
 * Calls `callback` once the page has been painted with what is in it now (after the next frame), or at once
 * when the page is hidden (a hidden webview draws no frames); at most a second later in any case.
 */
export function afterPaint(view: Window, callback: () => void): void {
  let called = false;
  const call = (): void => {
    if (called) return;
    called = true;
    callback();
  };
  if (view.document.visibilityState === 'hidden') {
    view.setTimeout(call, 0);
    return;
  }
  // the frame callback runs before the paint; a task queued from it runs after
  view.requestAnimationFrame(() => view.setTimeout(call, 0));
  view.setTimeout(call, 1000);
}
