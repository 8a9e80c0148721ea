import { createPerson } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import type { Language, StaffRole } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextOf, createStaffOfEveryRole } from "../../../test-support/staff-of-every-role";
import { failure } from "../../../test-support/trpc-failure";
import { createCallerFactory, router } from "../../trpc";
import { followUpsRouter } from "./router";

const createCaller = createCallerFactory(router({ followUps: followUpsRouter }));
// Monday 30 November 2026, 10:00 in Berlin.
const at = new Date("2026-11-30T09:00:00Z");
let t: TestDatabase;
const staffIds = {} as Record<StaffRole, string>;
let personId: string;

const as = (role: StaffRole, locale: Language = "en") =>
  createCaller(contextOf(t.db, staffIds, role, at, locale));

beforeAll(async () => {
  t = await createTestDatabase();
  Object.assign(staffIds, await createStaffOfEveryRole(t.db));
  personId = await createPerson(t.db, { firstName: "Erika", lastName: "Mustermann" });
});
afterAll(async () => t?.close());

describe("follow-ups in the portal (issue 11 #7)", () => {
  it("staff set one for a colleague; it is theirs in the list and the header's count", async () => {
    const { me, staff } = await as("staff").followUps.assignees();
    expect(me).toBe(staffIds.staff);
    expect(staff.map((a) => a.name)).toContain("marketing user");
    const { id } = await as("staff").followUps.create({
      personId,
      title: "Call back",
      dueOn: "2026-11-30",
      assigneeId: staffIds.marketing,
    });
    expect(await as("marketing").followUps.count()).toBe(1);
    expect(await as("staff").followUps.count()).toBe(0);
    const [mine] = await as("marketing").followUps.mine();
    expect(mine).toMatchObject({ id, about: { kind: "person", label: "Erika Mustermann" } });
    await as("marketing").followUps.postpone({
      followUpId: id,
      dueOn: "2026-12-02",
      reason: "Out of office",
    });
    expect(await as("marketing").followUps.count()).toBe(0);
    await as("marketing").followUps.done({ followUpId: id });
    expect(await as("marketing").followUps.mine()).toEqual([]);
  });

  it("bad input gets a clear answer in the user's language", async () => {
    const { id } = await as("staff").followUps.create({
      personId,
      title: "Check ID",
      dueOn: "2026-12-01",
      assigneeId: staffIds.staff,
    });
    expect(
      await failure(
        as("staff").followUps.postpone({ followUpId: id, dueOn: "2026-12-03", reason: "" }),
        "de",
      ),
    ).toBe("BAD_REQUEST: Bitte begründen Sie, warum Sie die Wiedervorlage verschieben.");
    expect(
      await failure(as("staff").followUps.postpone({ followUpId: id, dueOn: "2026-11-30", reason: "later" })),
    ).toBe("BAD_REQUEST: A follow-up can only be postponed to a day after today.");
    expect(await failure(as("marketing").followUps.done({ followUpId: id }))).toMatch(
      /^FORBIDDEN: Only the assignee/,
    );
    expect(
      await failure(
        as("staff").followUps.create({
          title: "x",
          dueOn: "2026-12-01",
          assigneeId: staffIds.staff,
        } as never),
      ),
    ).toBe("BAD_REQUEST: A follow-up belongs to exactly one request, incident or person.");
    expect(
      await failure(
        as("staff", "de").followUps.create({
          personId,
          title: "x",
          dueOn: "2026-11-29",
          assigneeId: staffIds.staff,
        }),
        "de",
      ),
    ).toBe("BAD_REQUEST: Das Datum der Wiedervorlage darf nicht in der Vergangenheit liegen.");
    expect((await as("staff").followUps.mine()).map((f) => f.dueOn)).toEqual(["2026-12-01"]);
    // The DPO may finish anyone's.
    await as("dpo").followUps.done({ followUpId: id });
    expect(await as("staff").followUps.mine()).toEqual([]);
  });
});
