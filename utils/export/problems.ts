/**
 * What an import found wrong, said so that a reader can mend the file: each problem names where
 * it is (`annotations[12].color`, `first.items[3].target.selector`) and what is wrong there. A
 * parser answers its problems instead of throwing; a write refused for them throws them.
 */
import type * as v from 'valibot';
import { formatCount } from '../text/count';

export interface ImportProblem {
  /** Where in the file: `annotations[12].color`; empty for the file as a whole. */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: ImportProblem[] };

/** Problems spelled out in one message at most (a broken file can have thousands). */
const LISTED = 10;

/** The path of `keys` as a reader writes it: `annotations[12].quote.exact`. */
export function joinPath(keys: readonly (string | number)[]): string {
  return keys.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

/** The problems of valibot issues, each at its path under `base`. */
export function problemsOf(issues: readonly v.BaseIssue<unknown>[], base: readonly (string | number)[] = []): ImportProblem[] {
  return issues.map((issue) => ({
    path: joinPath([...base, ...(issue.path ?? []).map((item) => item.key as string | number)]),
    message: issue.message,
  }));
}

/** One problem as a line: `annotations[12].color: Invalid option…`. */
export const describeProblem = ({ path, message }: ImportProblem): string => (path ? `${path}: ${message}` : message);

/** The first few problems, then how many more there are. */
export function describeProblems(problems: readonly ImportProblem[]): string {
  const listed = problems.slice(0, LISTED).map(describeProblem);
  const more = problems.length - listed.length;
  return more > 0 ? [...listed, `… and ${formatCount(more)} more`].join('\n') : listed.join('\n');
}

/** Thrown when a write is refused before it starts: the data has problems. */
export class ImportRefused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`Nothing was imported:\n${describeProblems(problems)}`);
    this.name = 'ImportRefused';
  }
}
