/**
 * The environment for a CLI under test that expects English output: the CLI speaks the language LC_ALL,
 * LC_MESSAGES or LANG name (cli/locale.ts), so a developer's Chinese shell would otherwise change what it prints.
 */
export const ENGLISH_ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== 'LC_ALL' && name !== 'LC_MESSAGES' && name !== 'LANG' && name !== 'LANGUAGE'),
);
