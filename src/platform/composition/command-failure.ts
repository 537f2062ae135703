/**
 * A module command that could not do what was asked, for reasons the operator can fix: `onewindow` prints
 * the headline and each problem on its own line, and exits 1.
 */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
  readonly problems: readonly string[];
  constructor(headline: string, problems: readonly string[]) {
    super(headline);
    this.problems = problems;
  }
}
