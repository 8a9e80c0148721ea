import { createPerson } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import type { Language } from "@purposeful/domain";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as trpcGet } from "../../../app/api/trpc/[trpc]/route";
import { env } from "../../../env";
import { createStaffUser, mutate, signIn, testPassword, useTestDatabase } from "../../../testing/signed-in";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useTestDatabase(t.db);
});
afterAll(async () => t?.close());

/** A tRPC query over `GET /api/trpc/{path}?input=…` with the cookie. */
function query(cookie: string, path: string, input?: unknown): Promise<Response> {
  const search =
    input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  return trpcGet(new Request(`${env.PORTAL_URL}/api/trpc/${path}${search}`, { headers: { Cookie: cookie } }));
}

async function outcome(response: Response): Promise<{ status: number; message?: string; data?: unknown }> {
  const body = (await response.json()) as {
    result?: { data: { json: unknown } };
    error?: { json: { message: string } };
  };
  return body.error
    ? { status: response.status, message: body.error.json.message }
    : { status: response.status, data: body.result?.data.json };
}

async function kioskFlags(userId: string): Promise<boolean[]> {
  const rows = await t.db.selectFrom("staffSession").select("kiosk").where("userId", "=", userId).execute();
  return rows.map((row) => row.kiosk);
}

async function kioskSession(locale: Language = "en") {
  const user = await createStaffUser(t.db, "admin", { locale });
  const cookie = await signIn(user.email);
  expect((await mutate(cookie, "kiosk.enter")).status).toBe(200);
  return { ...user, cookie };
}

describe("#13 kiosk mode is a kiosk", () => {
  it("#13 entering the signature tablet scopes the session on the server; other procedures then refuse it", async () => {
    const user = await createStaffUser(t.db, "admin");
    const cookie = await signIn(user.email);
    const auth = await import("../../../app/api/auth/[...all]/route");
    const updateName = (name: string) =>
      auth.POST(
        new Request(`${env.PORTAL_URL}/api/auth/update-user`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Cookie: cookie, Origin: env.PORTAL_URL },
          body: JSON.stringify({ name }),
        }),
      );
    expect((await updateName("Before kiosk")).status).toBe(200);
    expect((await outcome(await query(cookie, "persons.list", { limit: 5 }))).status).toBe(200);
    expect(await kioskFlags(user.id)).toEqual([false]);

    expect((await mutate(cookie, "kiosk.enter")).status).toBe(200);
    expect(await kioskFlags(user.id)).toEqual([true]);
    expect(await outcome(await query(cookie, "persons.list", { limit: 5 }))).toEqual({
      status: 403,
      message: "Kiosk mode allows signatures only. Leave kiosk mode with your password.",
    });
    // better-auth's own account endpoints are closed too; reading the session is not.
    expect((await updateName("Visitor was here")).status).toBe(403);
    const session = await auth.GET(
      new Request(`${env.PORTAL_URL}/api/auth/get-session`, { headers: { Cookie: cookie } }),
    );
    expect(session.status).toBe(200);
    const { name } = await t.db
      .selectFrom("staffUser")
      .select("name")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(name).toBe("Before kiosk");
  });

  it("#13 finds a person by the exact, normalized e-mail address only, never by name or prefix", async () => {
    const { cookie } = await kioskSession();
    const erika = await createPerson(t.db, {
      firstName: "Erika",
      lastName: "Muster",
      emails: ["Erika.Muster@Example.com"],
    });
    await createPerson(t.db, { firstName: "Erik", lastName: "Muster", emails: ["erik@example.com"] });

    expect(
      await outcome(await query(cookie, "kiosk.findPerson", { email: "  erika.muster@EXAMPLE.com " })),
    ).toEqual({
      status: 200,
      data: { id: erika, firstName: "Erika", lastName: "Muster" },
    });
    expect(
      await outcome(await query(cookie, "kiosk.findPerson", { email: "erika.muster@example.co" })),
    ).toEqual({
      status: 200,
      data: null,
    });
    // A name or a prefix is not an address: refused, nothing listed.
    for (const email of ["Muster", "erik"])
      expect((await outcome(await query(cookie, "kiosk.findPerson", { email }))).status).toBe(400);
  });

  it("#13 creates a visitor, and refuses to create a second person for a known address", async () => {
    const { cookie } = await kioskSession();
    const created = await outcome(
      await mutate(cookie, "kiosk.createPerson", {
        firstName: "Mara",
        lastName: "Messe",
        email: "mara.messe@example.com",
        preferredLanguage: "en",
      }),
    );
    expect(created).toMatchObject({ status: 200, data: { firstName: "Mara", lastName: "Messe" } });
    const again = await outcome(
      await mutate(cookie, "kiosk.createPerson", {
        firstName: "Other",
        lastName: "Person",
        email: "MARA.messe@example.com",
        preferredLanguage: "de",
      }),
    );
    expect(again).toEqual({
      status: 409,
      message: "This e-mail address is already known. Please look the person up with it.",
    });
    const count = await t.db
      .selectFrom("person")
      .select("id")
      .where("lastName", "in", ["Messe", "Person"])
      .execute();
    expect(count).toHaveLength(1);
  });

  it("#13 a wrong password keeps the kiosk and says so in the user's language; the right one leaves", async () => {
    const user = await kioskSession("de");
    expect(await outcome(await mutate(user.cookie, "kiosk.leave", { password: "wrong password" }))).toEqual({
      status: 400,
      message: "Das Passwort ist falsch. Der Kiosk-Modus bleibt aktiv.",
    });
    expect(await kioskFlags(user.id)).toEqual([true]);
    expect((await query(user.cookie, "persons.list", { limit: 5 })).status).toBe(403);

    expect((await outcome(await mutate(user.cookie, "kiosk.leave", { password: testPassword }))).status).toBe(
      200,
    );
    expect(await kioskFlags(user.id)).toEqual([false]);
    expect((await query(user.cookie, "persons.list", { limit: 5 })).status).toBe(200);
    const actions = await t.db
      .selectFrom("auditEvent")
      .select("action")
      .where("actorId", "=", user.id)
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["kiosk.entered", "kiosk.leave_refused", "kiosk.left"]);
  });

  it("#13 after five wrong passwords even the right one is refused for the window", async () => {
    const user = await kioskSession();
    for (let attempt = 0; attempt < 5; attempt++)
      expect((await mutate(user.cookie, "kiosk.leave", { password: `guess ${attempt}` })).status).toBe(400);
    expect(await outcome(await mutate(user.cookie, "kiosk.leave", { password: testPassword }))).toEqual({
      status: 429,
      message: "Too many wrong passwords. Please try again in 15 minutes.",
    });
    expect(await kioskFlags(user.id)).toEqual([true]);
  });
});
