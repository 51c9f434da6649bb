/**
 * The scenario side of one preview run: which choices the picker offers, which one is in effect, and the
 * simulate request's scenario fields for it (the file's text as `scenarioText` + `scenarioUri`, so the server's
 * problems point into that file; the what-if edits as `whatIf`).
 */
import * as vscode from 'vscode';
import type { SimulateParams } from '../../server/src/protocol/protocol';
import type { ScenarioChoice } from '../../server/src/protocol/webviewMessages';
import type { WhatIf } from '../../server/src/protocol/whatIf';
import { discoverScenarios, readScenarioText } from './scenarioFiles';
import type { ScenarioMemory } from './scenarioMemory';
import { selectedChoice } from './scenarioNames';

/** The choice shown while a scenario object passed to the command (not a file) is in effect. */
export const ARGUMENT_CHOICE: ScenarioChoice = { id: 'argument', label: 'scenario given to the command' };

export interface ScenarioRun {
  readonly choices: readonly ScenarioChoice[];
  readonly selected: ScenarioChoice;
  readonly whatIf: WhatIf;
  /** The request's scenario fields. */
  readonly params: Pick<SimulateParams, 'scenario' | 'scenarioText' | 'scenarioUri' | 'whatIf'>;
}

/**
 * Finds the manifest's scenarios and reads the chosen one. `argumentScenario`, a scenario object the command
 * was given, is in effect until the user picks another choice. Rejects with a sentence when the chosen file
 * cannot be read.
 */
export async function prepareScenario(manifestUri: vscode.Uri, memory: ScenarioMemory, argumentScenario: object | undefined): Promise<ScenarioRun> {
  const discovered = await discoverScenarios(manifestUri);
  const choices = argumentScenario ? [ARGUMENT_CHOICE, ...discovered] : discovered;
  const remembered = memory.get(manifestUri.toString());
  const selected = argumentScenario ? ARGUMENT_CHOICE : selectedChoice(choices, remembered.selected);
  const params: { -readonly [K in keyof ScenarioRun['params']]: ScenarioRun['params'][K] } = {};
  if (Object.keys(remembered.whatIf).length > 0) params.whatIf = remembered.whatIf;
  if (argumentScenario) params.scenario = argumentScenario;
  else if (selected.uri !== undefined) {
    const uri = vscode.Uri.parse(selected.uri, true);
    params.scenarioText = await readScenarioText(uri);
    params.scenarioUri = selected.uri;
  }
  return { choices, selected, whatIf: remembered.whatIf, params };
}
