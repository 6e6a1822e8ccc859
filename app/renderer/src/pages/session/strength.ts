/** Strength of a new workstation passphrase, shown while typing (the rule itself is the domain's). */
import { MIN_PASSPHRASE_CHARS, passphraseClasses, passphraseProblems } from '../../../../domain/workstation-secret.js';

export interface Strength {
  /** 0 refused, 1 acceptable, 2 stronger, 3 strong. */
  readonly score: 0 | 1 | 2 | 3;
  readonly problems: readonly string[];
  readonly classes: readonly string[];
}

export function passphraseStrength(passphrase: string): Strength {
  const problems = passphraseProblems(passphrase);
  const classes = passphraseClasses(passphrase);
  if (problems.length > 0) return { score: 0, problems, classes };
  const length = [...passphrase.normalize('NFC')].length;
  const score = length >= MIN_PASSPHRASE_CHARS + 8 && classes.length >= 4 ? 3 : length >= MIN_PASSPHRASE_CHARS + 4 || classes.length >= 4 ? 2 : 1;
  return { score, problems, classes };
}
