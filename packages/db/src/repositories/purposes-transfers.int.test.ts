import { describe, expect, it } from "vitest";
import { getPurpose } from "./purposes.ts";
import { auditEventsOf, create, entry, setUpFixture, t, update } from "./purposes-fixture.ts";

setUpFixture();

// Issue 10: the register's facts of Art. 30(1)(c), (e) and Art. 15(1)(h) on a purpose.
describe("purposes catalogue: data subjects, transfers and profiling", () => {
  it("issue 10: data subject categories change the row alone; a new transfer or profiling is material by force", async () => {
    const { id } = await create(entry("support_chat", { doubleOptIn: false }));
    expect(await getPurpose(t.db, id)).toMatchObject({
      dataSubjectCategories: [],
      thirdCountryTransfers: [],
      profiling: false,
    });
    const subjects = await update(id, { dataSubjectCategories: ["customers", " prospects "] });
    expect(subjects).toMatchObject({ changed: true, material: false, version: 1, lightsJobId: null });

    const sccs = {
      country: "US",
      recipient: "Chat Inc.",
      safeguard: "standard_contractual_clauses" as const,
    };
    const transfer = await update(id, { thirdCountryTransfers: [{ ...sccs, country: "us" }] });
    expect(transfer).toMatchObject({ material: true, reasons: ["transfer_added"], version: 2 });
    // Another ground for the same destination, spelled differently: stored, not material.
    const ground = await update(id, {
      thirdCountryTransfers: [{ ...sccs, recipient: " chat inc. ", safeguard: "binding_corporate_rules" }],
    });
    expect(ground).toMatchObject({ changed: true, material: false, version: 2 });
    // The same list again (as the form sends it): nothing to write.
    expect(
      await update(id, {
        thirdCountryTransfers: [
          { country: "US", recipient: "chat inc.", safeguard: "binding_corporate_rules" },
        ],
      }),
    ).toMatchObject({ changed: false });
    const profiling = await update(id, { profiling: true });
    expect(profiling).toMatchObject({ material: true, reasons: ["profiling_enabled"], version: 3 });
    expect(await update(id, { profiling: false, thirdCountryTransfers: [] })).toMatchObject({
      material: false,
      version: 3,
    });

    expect(await getPurpose(t.db, id)).toMatchObject({
      dataSubjectCategories: ["customers", "prospects"],
      thirdCountryTransfers: [],
      profiling: false,
      currentVersion: 3,
      minValidVersion: 3,
    });
    const events = await auditEventsOf(id);
    expect(events.map((e) => e.changes)).toEqual([
      expect.anything(),
      {
        key: "support_chat",
        fields: { dataSubjectCategories: { before: [], after: ["customers", "prospects"] } },
      },
      expect.objectContaining({
        reasons: ["transfer_added"],
        fields: { thirdCountryTransfers: { before: [], after: [sccs] } },
      }),
      {
        key: "support_chat",
        fields: {
          thirdCountryTransfers: {
            before: [sccs],
            after: [{ ...sccs, recipient: "chat inc.", safeguard: "binding_corporate_rules" }],
          },
        },
      },
      expect.objectContaining({
        reasons: ["profiling_enabled"],
        fields: { profiling: { before: false, after: true } },
      }),
      expect.objectContaining({
        fields: {
          profiling: { before: true, after: false },
          thirdCountryTransfers: {
            before: [{ ...sccs, recipient: "chat inc.", safeguard: "binding_corporate_rules" }],
            after: [],
          },
        },
      }),
    ]);
  });
});
