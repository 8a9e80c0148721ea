/**
 * What a level-3 erasure leaves of the casework about the person (Art. 5(2): the controller proves
 * it handled requests; the facts — type, dates, steps, outcome — stay). The requester's name,
 * address and free text go, but not while the case is still open: the person must still be told
 * what was done on their request (Art. 12(3), (4); the erasure request itself, Art. 17(1), 19), and
 * keeping the contact for that is a legal obligation (Art. 17(3)(b)). Closing the case then clears
 * them, and the case's mails with them.
 */
export type RequestCaseStatus = "open" | "in_progress" | "waiting" | "closed";

export const requestCaseStatuses = [
  "open",
  "in_progress",
  "waiting",
  "closed",
] as const satisfies readonly RequestCaseStatus[];

/** Does a request case in this status keep the requester's contact after a level-3 erasure? */
export function keepsRequesterContact(status: RequestCaseStatus): boolean {
  return status !== "closed";
}
