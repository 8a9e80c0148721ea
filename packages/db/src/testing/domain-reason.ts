import { DomainError } from "@purposeful/domain";

/** Which domain reason a promise was refused with (null when it succeeded), for tests of bad input. */
export const reasonOf = (promise: Promise<unknown>): Promise<string | null> =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? error.reason : String(error)),
  );
