/**
 * The bar at the top of the preview: which scenario runs (a picker of the default pods and the scenario files
 * beside the manifest), what it does in words, the what-if controls that edit it without YAML, "Save as
 * scenario" and the exports. It stays across re-runs (and on errors: a broken scenario file must be
 * switchable away), so typing in the form is never interrupted by the result of an earlier edit.
 */
import type { ScenarioState, WhatIf } from '../../../../server/src/protocol/webviewMessages';
import { clear, el } from '../dom';
import { l10nKey, t } from '../l10n';
import { fieldsFor, formToWhatIf, isEmptyWhatIf, WHAT_IF_GROUP_LABELS, WHAT_IF_GROUPS, whatIfToForm, type WhatIfField, type WhatIfFieldName, type WhatIfFormValues } from './whatIfForm';

export type ExportFormat = 'timeline-json' | 'scenario-yaml' | 'svg';

export interface ScenarioBarOptions {
  readonly onChoose: (id: string) => void;
  readonly onWhatIf: (whatIf: WhatIf) => void;
  readonly onSave: () => void;
  readonly onExport: (format: ExportFormat) => void;
  /** Whether the what-if form starts open (remembered across reloads). */
  readonly whatIfOpen?: boolean;
  readonly onWhatIfOpenChange?: (open: boolean) => void;
}

export interface ScenarioBarContext {
  /** Whether a timeline is shown (the timeline and SVG exports need one). */
  readonly hasTimeline: boolean;
  /** Whether the chart can give its SVG. */
  readonly canExportSvg: boolean;
}

export interface ScenarioBar {
  readonly element: HTMLElement;
  update(state: ScenarioState | undefined, context: ScenarioBarContext): void;
}

/** Typing pauses this long before an edit re-runs the simulation (a `change` event posts at once). */
const TYPING_PAUSE_MS = 400;
/** After this long, what the host says is in effect wins over an edit it never confirmed. */
const PENDING_EXPIRES_MS = 5000;

/** JSON with sorted keys: the same edits compare equal whatever order the host keeps their fields in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const DEFAULT_STATE: ScenarioState = { choices: [{ id: 'default', label: l10nKey('default pods') }], selected: 'default', whatIf: {}, summary: '' };

/** The picker's text for a choice: as the host words it (in the user's language); this bar's own default translated here. */
function choiceLabel(choice: ScenarioState['choices'][number]): string {
  return choice === DEFAULT_STATE.choices[0] ? t(choice.label) : choice.label;
}

export function createScenarioBar(doc: Document, options: ScenarioBarOptions): ScenarioBar {
  const picker = el(doc, 'select', { attrs: { id: 'scenario-picker', 'aria-describedby': 'scenario-summary' } });
  const summary = el(doc, 'p', { class: 'scenario-summary', attrs: { id: 'scenario-summary', 'aria-live': 'polite' } });
  const save = el(doc, 'button', {
    class: 'button secondary save-scenario',
    text: t('Save as scenario…'),
    attrs: { type: 'button', title: t('Write the scenario in effect, with the what-if edits, to <manifest>.<name>.scenario.yaml') },
  });
  const exportButton = (cls: string, text: string, title: string, format: ExportFormat): HTMLButtonElement => {
    const button = el(doc, 'button', { class: `button secondary ${cls}`, text, attrs: { type: 'button', title } });
    button.addEventListener('click', () => options.onExport(format));
    return button;
  };
  const exportJson = exportButton('export-json', 'JSON', t('Export the Timeline as JSON (what `simulate --format json` prints)'), 'timeline-json');
  const exportYaml = exportButton('export-yaml', t('Scenario YAML'), t('Export the scenario in effect as YAML'), 'scenario-yaml');
  const exportSvg = exportButton('export-svg', 'SVG', t('Export the chart as an SVG image'), 'svg');

  const fieldsBox = el(doc, 'div', { class: 'what-if-fields' });
  const reset = el(doc, 'button', { class: 'button secondary what-if-reset', text: t('Reset edits'), attrs: { type: 'button' } });
  const formStatus = el(doc, 'p', { class: 'what-if-status', attrs: { 'aria-live': 'polite' } });
  const form = el(doc, 'form', { attrs: { id: 'what-if', 'aria-label': t('What if'), novalidate: true } }, [
    fieldsBox,
    el(doc, 'div', { class: 'what-if-actions' }, [reset, formStatus]),
  ]);
  const disclosure = el(doc, 'details', { class: 'what-if', attrs: { open: options.whatIfOpen === true } }, [
    el(doc, 'summary', { class: 'what-if-summary' }, [
      el(doc, 'span', { text: t('What if…') }),
      el(doc, 'span', { class: 'what-if-count' }),
    ]),
    form,
  ]);
  disclosure.addEventListener('toggle', () => options.onWhatIfOpenChange?.(disclosure.open));

  const element = el(doc, 'section', { class: 'scenario-bar', attrs: { 'aria-label': t('Scenario and what-if controls') } }, [
    el(doc, 'div', { class: 'scenario-row' }, [
      el(doc, 'label', { class: 'scenario-label', text: t('Scenario'), attrs: { for: 'scenario-picker' } }),
      picker,
      summary,
      el(doc, 'div', { class: 'scenario-actions' }, [
        save,
        el(doc, 'span', { class: 'export-group', attrs: { role: 'group', 'aria-label': t('Export') } }, [
          el(doc, 'span', { class: 'export-label', text: t('Export'), attrs: { 'aria-hidden': 'true' } }),
          exportJson,
          exportYaml,
          exportSvg,
        ]),
      ]),
    ]),
    disclosure,
  ]);

  let state: ScenarioState = DEFAULT_STATE;
  let fieldsKey = '';
  let inputs = new Map<WhatIfFieldName, HTMLInputElement>();
  let errorsShown = new Map<WhatIfFieldName, HTMLElement>();
  let fieldHints = new Map<WhatIfFieldName, string>();
  /** What was posted last and not yet confirmed by the host: a result for an older edit must not undo newer typing. */
  let pending: { readonly text: string; readonly at: number } | undefined;
  let lastSent = canonical({});
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  picker.addEventListener('change', () => {
    pending = undefined;
    options.onChoose(picker.value);
  });
  save.addEventListener('click', () => options.onSave());
  reset.addEventListener('click', () => {
    for (const input of inputs.values()) input.value = '';
    submit();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  form.addEventListener('change', () => submit());
  form.addEventListener('input', () => {
    refreshReset();
    if (typingTimer !== undefined) clearTimeout(typingTimer);
    typingTimer = setTimeout(submit, TYPING_PAUSE_MS);
  });

  function values(): WhatIfFormValues {
    const out: Partial<Record<WhatIfFieldName, string>> = {};
    for (const [name, input] of inputs) out[name] = input.value;
    return out;
  }

  /** Reads the form; posts the WhatIf when it changed and every value can be read. */
  function submit(): void {
    if (typingTimer !== undefined) clearTimeout(typingTimer);
    typingTimer = undefined;
    const { whatIf, errors } = formToWhatIf(values(), state.kind, state.indexed === true);
    showErrors(errors);
    updateCount(whatIf);
    if (errors.length > 0) return;
    const text = canonical(whatIf);
    if (text === lastSent) return;
    lastSent = text;
    pending = { text, at: Date.now() };
    formStatus.textContent = t('Running the simulation again…');
    options.onWhatIf(whatIf);
  }

  function showErrors(errors: readonly { field: WhatIfFieldName; message: string }[]): void {
    const byField = new Map(errors.map((e) => [e.field, e.message]));
    for (const [name, input] of inputs) {
      const message = byField.get(name);
      const hint = errorsShown.get(name);
      if (message !== undefined) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      if (hint) {
        hint.textContent = message ?? fieldHints.get(name) ?? '';
        hint.classList.toggle('field-error', message !== undefined);
      }
    }
    formStatus.textContent =
      errors.length === 0 ? '' : errors.length === 1 ? t('One value needs fixing before the simulation runs again.') : t('{0} values need fixing before the simulation runs again.', errors.length);
  }

  function refreshReset(): void {
    reset.disabled = isEmptyWhatIf(state.whatIf) && [...inputs.values()].every((i) => i.value.trim() === '');
  }

  function updateCount(whatIf: WhatIf): void {
    const count = Object.values(whatIf).filter((v) => v !== undefined).length;
    const badge = disclosure.querySelector('.what-if-count');
    if (badge) badge.textContent = count === 0 ? '' : count === 1 ? t('{0} edit', count) : t('{0} edits', count);
  }

  function buildFields(fields: readonly WhatIfField[]): void {
    clear(fieldsBox);
    inputs = new Map();
    errorsShown = new Map();
    fieldHints = new Map();
    for (const group of WHAT_IF_GROUPS) {
      const inGroup = fields.filter((f) => f.group === group);
      if (inGroup.length === 0) continue;
      const fieldset = el(doc, 'fieldset', { class: 'what-if-group' }, [el(doc, 'legend', { text: t(WHAT_IF_GROUP_LABELS[group]) })]);
      for (const field of inGroup) {
        const id = `what-if-${field.name.replace('.', '-')}`;
        const hintId = `${id}-hint`;
        const input = el(doc, 'input', {
          attrs: {
            id,
            name: field.name,
            type: 'text',
            inputmode: field.input === 'integer' ? 'numeric' : field.input === 'number' ? 'decimal' : undefined,
            placeholder: field.placeholder === undefined ? undefined : t(field.placeholder),
            autocomplete: 'off',
            spellcheck: 'false',
            'aria-describedby': hintId,
          },
        });
        const hint = el(doc, 'span', { class: 'field-hint', text: t(field.hint), attrs: { id: hintId } });
        inputs.set(field.name, input);
        errorsShown.set(field.name, hint);
        fieldHints.set(field.name, t(field.hint));
        fieldset.appendChild(el(doc, 'div', { class: `what-if-field field-${field.input}` }, [el(doc, 'label', { text: t(field.label), attrs: { for: id } }), input, hint]));
      }
      fieldsBox.appendChild(fieldset);
    }
  }

  function update(next: ScenarioState | undefined, context: ScenarioBarContext): void {
    state = next ?? DEFAULT_STATE;
    // The picker: rebuilt only when the choices change, so that it keeps focus while the user looks through it.
    const choicesKey = JSON.stringify(state.choices.map((c) => [c.id, c.label]));
    if (picker.dataset.choices !== choicesKey) {
      clear(picker);
      for (const choice of state.choices) picker.appendChild(el(doc, 'option', { text: choiceLabel(choice), attrs: { value: choice.id, title: choice.uri } }));
      picker.dataset.choices = choicesKey;
    }
    if (!state.choices.some((c) => c.id === state.selected)) picker.appendChild(el(doc, 'option', { text: state.selected, attrs: { value: state.selected } }));
    picker.value = state.selected;
    picker.disabled = next === undefined;
    summary.textContent = state.summary;
    summary.hidden = summary.textContent === '';

    const fields = fieldsFor(state.kind, state.indexed === true);
    const key = `${state.kind}/${state.indexed === true}`;
    if (key !== fieldsKey) {
      fieldsKey = key;
      buildFields(fields);
    }
    form.toggleAttribute('inert', next === undefined);
    const incoming = canonical(state.whatIf ?? {});
    // A result for an older edit (the host debounces and runs one at a time) leaves the newer typing alone.
    if (pending === undefined || pending.text === incoming || Date.now() - pending.at > PENDING_EXPIRES_MS) {
      pending = undefined;
      lastSent = incoming;
      const formValues = whatIfToForm(state.whatIf);
      for (const [name, input] of inputs) if (input !== doc.activeElement) input.value = formValues[name];
      formStatus.textContent = '';
      showErrors([]);
      updateCount(state.whatIf ?? {});
    }
    refreshReset();
    save.disabled = next === undefined;
    exportJson.disabled = !context.hasTimeline;
    exportYaml.disabled = next === undefined;
    exportSvg.disabled = !context.hasTimeline || !context.canExportSvg;
  }

  update(undefined, { hasTimeline: false, canExportSvg: false });
  return { element, update };
}
