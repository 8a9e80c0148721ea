import { describe, expect, it } from "vitest";
import { loggableError } from "./logger";

describe("loggableError", () => {
  it("keeps the kind, message and code of a database error but not the values it quotes", () => {
    const error = Object.assign(
      new Error('duplicate key value violates unique constraint "staff_user_email_key"'),
      {
        code: "23505",
        detail: "Key (email)=(erika@example.com) already exists.",
        where: "SQL statement with erika@example.com",
      },
    );
    const logged = JSON.stringify(loggableError(new Error("wrapped", { cause: error })));
    expect(logged).toContain("23505");
    expect(logged).toContain("staff_user_email_key");
    expect(logged).not.toContain("erika@example.com");
  });
});
