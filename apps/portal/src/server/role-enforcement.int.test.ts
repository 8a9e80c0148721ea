import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { type StaffRole, staffRoles } from "@purposeful/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "./root";
import type { Context, Meta } from "./trpc";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

type AnyProcedure = { _def: { meta?: Meta; type: string } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

function context(role: StaffRole | null, kiosk = false): Context {
  return {
    db: t.db,
    user: role ? { id: `user-${role}`, name: role, email: `${role}@test.example`, role, locale: "en" } : null,
    session: role ? { id: `session-${role}`, kiosk } : null,
    now: () => new Date("2026-11-29T12:00:00Z"),
  };
}

async function call(role: StaffRole | null, path: string, kiosk = false): Promise<unknown> {
  const caller = createCaller(context(role, kiosk)) as unknown as Record<string, unknown>;
  let target: unknown = caller;
  for (const segment of path.split(".")) target = (target as Record<string, unknown>)[segment];
  return (target as (input?: unknown) => Promise<unknown>)(undefined);
}

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof TRPCError ? error.code : "NOT_A_TRPC_ERROR";
  }
}

async function refusalOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof TRPCError ? `${error.code}:${error.message}` : String(error);
  }
}

/** What the signature tablet needs, and nothing else (#13). */
const kioskProcedures = [
  "kiosk.createPerson",
  "kiosk.enter",
  "kiosk.findPerson",
  "kiosk.leave",
  "signature.purposes",
  "signature.submit",
];

describe("every tRPC procedure checks the caller's role", () => {
  it("has procedures, and each declares the role it needs", () => {
    expect(procedures.length).toBeGreaterThan(5);
    for (const [path, procedure] of procedures) {
      expect({ path, role: procedure._def.meta?.role }).toEqual({
        path,
        role: expect.stringMatching(/^(staff|marketing|dpo|admin)$/),
      });
    }
  });

  for (const [path, procedure] of procedures) {
    const required = procedure._def.meta?.role ?? "admin";
    const below = staffRoles.slice(0, staffRoles.indexOf(required));

    it(`${path} (${required}) rejects an anonymous call`, async () => {
      expect(await codeOf(call(null, path))).toBe("UNAUTHORIZED");
    });

    for (const role of below) {
      it(`${path} (${required}) rejects ${role}`, async () => {
        expect(await codeOf(call(role, path))).toBe("FORBIDDEN");
      });
    }

    it(`${path} (${required}) lets ${required} past the role check`, async () => {
      expect(["UNAUTHORIZED", "FORBIDDEN"]).not.toContain(await codeOf(call(required, path)));
    });
  }
});

describe("#13 a kiosk-scoped session reaches only the signature tablet", () => {
  it("declares kiosk access on exactly the signature procedures and the exact e-mail lookup", () => {
    const declared = procedures
      .filter(([, procedure]) => procedure._def.meta?.kiosk === true)
      .map(([path]) => path);
    expect(declared.sort()).toEqual(kioskProcedures);
  });

  for (const [path, procedure] of procedures) {
    // Even an admin's session is refused in kiosk scope: the scope, not the role, decides.
    if (procedure._def.meta?.kiosk === true) {
      it(`${path} lets a kiosk session past the checks`, async () => {
        expect(["UNAUTHORIZED", "FORBIDDEN"]).not.toContain(await codeOf(call("admin", path, true)));
      });
    } else {
      it(`${path} rejects a kiosk session`, async () => {
        expect(await refusalOf(call("admin", path, true))).toBe("FORBIDDEN:kiosk_scope");
      });
    }
  }
});
