import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { type StaffRole, staffRoles } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declaredRouteRole } from "../../server/route-guard";
import { createStaffUser, mutate, signIn, useTestDatabase } from "../../testing/signed-in";

/**
 * Every route handler under app/api, found on disk, checks who calls it (#14, like
 * role-enforcement.int.test.ts for procedures): staff routes declare their role through
 * `staffRoute` and refuse anonymous callers (401), lower roles and kiosk sessions (403); the
 * scheduled routes answer only their bearer secret; better-auth and tRPC check on their own
 * (their kiosk and role checks are proven in kiosk.int.test.ts and role-enforcement.int.test.ts).
 */
const apiDir = import.meta.dirname;
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const checkedElsewhere = new Set(["auth/[...all]", "trpc/[trpc]"]);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [relative(apiDir, dir)] : [];
  });
}
const routes = routeFiles(apiDir).sort();

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function handlersOf(route: string): Promise<[string, Handler][]> {
  const module = (await import(/* @vite-ignore */ join(apiDir, route, "route.ts"))) as Record<
    string,
    unknown
  >;
  return methods
    .filter((method) => typeof module[method] === "function")
    .map((m) => [m, module[m] as Handler]);
}

let t: TestDatabase;
const cookies = {} as Record<StaffRole | "kiosk", string>;
beforeAll(async () => {
  t = await createTestDatabase();
  useTestDatabase(t.db);
  for (const role of staffRoles) cookies[role] = await signIn((await createStaffUser(t.db, role)).email);
  cookies.kiosk = await signIn((await createStaffUser(t.db, "admin")).email);
  expect((await mutate(cookies.kiosk, "kiosk.enter")).status).toBe(200);
});
afterAll(async () => t?.close());

function call(handler: Handler, route: string, method: string, cookie: string | null): Promise<Response> {
  // Placeholders for dynamic segments; a route must refuse before it looks at them.
  const path = route.replace(/\[\.\.\.(\w+)\]|\[(\w+)\]/g, "x");
  const params = Object.fromEntries([...route.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => [m[1]!, "x"]));
  const request = new Request(`http://localhost:3000/api/${path}`, {
    method,
    headers: cookie ? { Cookie: cookie } : {},
  });
  return handler(request, { params: Promise.resolve(params) });
}

describe("#14 every route handler under app/api checks its caller", () => {
  it("finds the routes, and each staff route declares its role", async () => {
    expect(routes).toEqual(
      expect.arrayContaining([
        "documents",
        "documents/[documentId]",
        "incidents/[incidentId]/authority-notification",
        "purposes/register",
      ]),
    );
    for (const route of routes) {
      if (checkedElsewhere.has(route) || route.startsWith("cron/")) continue;
      const handlers = await handlersOf(route);
      expect(handlers.length).toBeGreaterThan(0);
      for (const [method, handler] of handlers)
        expect({ route, method, role: declaredRouteRole(handler) }).toEqual({
          route,
          method,
          role: expect.stringMatching(/^(staff|marketing|dpo|admin)$/),
        });
    }
  });

  for (const route of routes) {
    if (checkedElsewhere.has(route)) continue;

    if (route.startsWith("cron/")) {
      it(`${route} answers only the scheduler's bearer secret, not a staff session`, async () => {
        // 401 without the secret; 503 where no secret is configured at all.
        for (const [method, handler] of await handlersOf(route))
          for (const cookie of [null, cookies.admin])
            expect([401, 503]).toContain((await call(handler, route, method, cookie)).status);
      });
      continue;
    }

    it(`${route} refuses anonymous callers, kiosk sessions and roles below its own`, async () => {
      for (const [method, handler] of await handlersOf(route)) {
        const role = declaredRouteRole(handler) ?? "admin";
        expect((await call(handler, route, method, null)).status).toBe(401);
        expect((await call(handler, route, method, cookies.kiosk)).status).toBe(403);
        for (const below of staffRoles.slice(0, staffRoles.indexOf(role)))
          expect({
            method,
            below,
            status: (await call(handler, route, method, cookies[below])).status,
          }).toEqual({
            method,
            below,
            status: 403,
          });
        expect([401, 403]).not.toContain((await call(handler, route, method, cookies[role])).status);
      }
    });
  }
});
