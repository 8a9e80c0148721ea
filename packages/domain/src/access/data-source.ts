import type { RecordSource } from "../consent/processing-record.ts";

/**
 * Art. 15(1)(g) GDPR: where data was not collected from the person, the report names its source.
 * Data entered from a list import or through the API came from someone else (Art. 14); every other
 * source is the person themselves (a form, a signature, a call, a letter, a meeting).
 */
export function collectedFromDataSubject(source: RecordSource): boolean {
  return source !== "import" && source !== "api";
}
