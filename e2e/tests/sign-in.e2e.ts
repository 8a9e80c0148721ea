import { expect, test } from "@playwright/test";
import { demoUsers, signIn } from "./fixtures";

for (const [role, user] of Object.entries(demoUsers)) {
  test(`${role} signs in to the dashboard and opens the persons list`, async ({ page }) => {
    await signIn(page, user.email);
    await expect(page).toHaveURL(/\/persons$/);
    await expect(page.getByTestId("current-user")).toContainText(user.name);
    await expect(page.getByTestId("current-user")).toContainText(
      user.roleLabel === "Admin" ? "Admin" : user.roleLabel,
    );
    await expect(page.getByTestId("person-row").first()).toBeVisible();
  });
}

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel(/E-Mail-Adresse|E-mail address/).fill(demoUsers.staff.email);
  await page.getByLabel(/Passwort|Password/).fill("not-the-password");
  await page.getByRole("button", { name: /Anmelden|Sign in/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: /wrong|falsch/ })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("the staff area needs a session", async ({ page }) => {
  await page.goto("/persons");
  await expect(page).toHaveURL(/\/sign-in$/);
});
