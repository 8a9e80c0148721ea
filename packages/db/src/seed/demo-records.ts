import type { Faker } from "@faker-js/faker";
import type { LegalBasis, RecordState } from "@purposeful/domain";
import type { Insertable } from "kysely";
import type { DB } from "../tables/generated.ts";
import { demoPurposes } from "./demo-catalogue.ts";

const DAY = 86_400_000;

/** A processing record in a plausible state for the demo: every state and light occurs. */
export function demoRecord(
  f: Faker,
  personId: string,
  key: string,
  purposeId: string,
  now: Date,
): Insertable<DB["processingRecord"]> {
  const basis: LegalBasis =
    demoPurposes.find((purpose) => purpose.key === key)?.defaultLegalBasis ?? "consent";
  const at = new Date(now.getTime() - f.number.int({ min: 1, max: 900 }) * DAY);
  const source = f.helpers.arrayElement([
    "manual",
    "microsite",
    "signature",
    "email",
    "phone",
    "letter",
    "import",
  ] as const);
  const base = {
    personId,
    purposeId,
    legalBasis: basis,
    source,
    createdAt: at,
    updatedAt: at,
    recordedBy: null,
  };
  if (basis !== "consent") {
    const state: RecordState = f.helpers.weightedArrayElement([
      { value: "active", weight: 7 },
      { value: basis === "contract" ? "ended" : "objected", weight: 3 },
    ]);
    return {
      ...base,
      state,
      grantedAt: at,
      endedAt: state === "ended" ? now : null,
      objectedAt: state === "objected" ? now : null,
    };
  }
  const state: RecordState = f.helpers.weightedArrayElement([
    { value: "confirmed", weight: 5 },
    { value: "granted", weight: 2 },
    { value: "requested", weight: 1 },
    { value: "withdrawn", weight: 1 },
    { value: "declined", weight: 1 },
  ]);
  const version = key === "newsletter" ? f.helpers.arrayElement([1, 2, 2]) : 1;
  const expired = f.datatype.boolean(0.1);
  return {
    ...base,
    state,
    purposeVersion: version,
    requestedAt: at,
    grantedAt: state === "requested" || state === "declined" ? null : at,
    confirmedAt: state === "confirmed" ? at : null,
    withdrawnAt: state === "withdrawn" ? new Date(at.getTime() + DAY) : null,
    declinedAt: state === "declined" ? at : null,
    validUntil: expired
      ? new Date(now.getTime() - DAY)
      : f.datatype.boolean(0.2)
        ? new Date(now.getTime() + f.number.int({ min: 30, max: 700 }) * DAY)
        : null,
  };
}
