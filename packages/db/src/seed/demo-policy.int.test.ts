import { hashPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { demoPassword, demoStaff } from "./demo.ts";
import { demoCompany } from "./demo-company.ts";
import { demoSeedDecision, demoSeedDecisionForEnv, seedDemoIfAllowed } from "./demo-policy.ts";

const now = new Date("2026-12-01T09:00:00Z");

describe("where demo data belongs (#15)", () => {
  it("#15 decides: embedded or non-production seeds, DATABASE_URL in production does not unless forced", () => {
    expect(demoSeedDecision({ embedded: true, production: false })).toEqual({ seed: true });
    expect(demoSeedDecision({ embedded: true, production: true })).toEqual({ seed: true });
    expect(demoSeedDecision({ embedded: false, production: false })).toEqual({ seed: true });
    expect(demoSeedDecision({ embedded: false, production: true })).toEqual({
      seed: false,
      reason: "production_database",
    });
    expect(demoSeedDecision({ embedded: false, production: true, force: true })).toEqual({ seed: true });
  });

  it("#15 reads the launcher's environment: DATABASE_URL with NODE_ENV=production means no demo", () => {
    const server = "postgres://app@db.internal:5432/purposeful";
    expect(demoSeedDecisionForEnv({ DATABASE_URL: server, NODE_ENV: "production" })).toEqual({
      seed: false,
      reason: "production_database",
    });
    expect(
      demoSeedDecisionForEnv({ DATABASE_URL: server, NODE_ENV: "production" }, { force: true }).seed,
    ).toBe(true);
    expect(demoSeedDecisionForEnv({ DATABASE_URL: server }).seed).toBe(true);
    expect(demoSeedDecisionForEnv({ NODE_ENV: "production" }).seed).toBe(true);
    expect(demoSeedDecisionForEnv({}).seed).toBe(true);
  });

  describe("on a database", () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase();
    });
    afterAll(async () => t?.close());
    const count = async (table: "person" | "purpose" | "staffUser" | "setting") =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it("#15 the production launcher path seeds nothing and offers no demo sign-in", async () => {
      const production = demoSeedDecisionForEnv({ DATABASE_URL: "postgres://db/p", NODE_ENV: "production" });
      const outcome = await seedDemoIfAllowed(t.db, production, {
        now,
        hashPassword,
        persons: 20,
      });
      expect(outcome).toEqual({ seeded: false, signIns: [], password: null, hasStaff: false });
      for (const table of ["person", "purpose", "staffUser", "setting"] as const)
        expect(await count(table)).toBe(0);
    });

    it("#15 the embedded path seeds the demo once, with realistic company settings, and prints its sign-ins", async () => {
      const decision = demoSeedDecision({ embedded: true, production: false });
      const first = await seedDemoIfAllowed(t.db, decision, { now, hashPassword, persons: 20 });
      expect(first.seeded).toBe(true);
      expect(first.signIns.map((s) => s.email)).toEqual(demoStaff.map((s) => s.email));
      expect(first.password).toBe(demoPassword);
      expect(await count("person")).toBe(20);
      const company = await t.db
        .selectFrom("setting")
        .select("value")
        .where("key", "=", "company")
        .executeTakeFirst();
      expect(company?.value).toEqual(demoCompany);
      expect(demoCompany.privacyNoticeUrl).toMatch(/^https:\/\//);

      const again = await seedDemoIfAllowed(t.db, decision, { now, hashPassword, persons: 20 });
      expect(again.seeded).toBe(false);
      expect(await count("person")).toBe(20);
      // A production start against the same (demo) database still prints no demo password.
      const production = await seedDemoIfAllowed(
        t.db,
        demoSeedDecision({ embedded: false, production: true }),
        {
          now,
          hashPassword,
        },
      );
      expect(production).toEqual({ seeded: false, signIns: [], password: null, hasStaff: true });
    });
  });
});
