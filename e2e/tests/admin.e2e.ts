import { expect, test } from "@playwright/test";
import { demoUsers, signIn } from "./fixtures";

test("a marketing user cannot open the admin page", async ({ page }) => {
  await signIn(page, demoUsers.marketing.email);
  await expect(page.getByRole("link", { name: "Benutzer" })).toHaveCount(0);
  await page.goto("/admin/staff");
  await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Anlegen" })).toHaveCount(0);
});

test("an admin creates a staff user, changes the role, and deactivates them", async ({ page, browser }) => {
  const email = `new.colleague.${Date.now()}@demo.purposeful.test`;
  const password = "a-long-first-password";
  await signIn(page, demoUsers.admin.email);
  await page.getByRole("link", { name: /Staff users|Benutzer/ }).click();
  const form = page.getByRole("form", { name: /Create staff user|Benutzer anlegen/ });
  await form.getByLabel(/^(Name)$/).fill("Nora Neu");
  await form.getByLabel(/E-mail address|E-Mail-Adresse/).fill(email);
  await form.getByLabel(/Initial password|Erstes Passwort/).fill(password);
  await form.getByRole("combobox", { name: /^(Role|Rolle)/ }).selectOption("marketing");
  await form.getByRole("button", { name: /^(Create|Anlegen)$/ }).click();
  await expect(form.getByText(/Nora Neu (was created|wurde angelegt)/)).toBeVisible();
  const row = page.getByTestId("staff-row").filter({ hasText: email });
  await expect(row).toBeVisible();
  await row.getByRole("combobox").selectOption("dpo");
  await expect(row.getByRole("combobox")).toHaveValue("dpo");

  // The admin knows the initial password, so the colleague must replace it at the first sign-in.
  const other = await browser.newContext();
  const colleague = await other.newPage();
  const ownPassword = "my-own-secret-passphrase";
  await colleague.goto("/sign-in");
  await colleague.getByLabel(/E-Mail-Adresse|E-mail address/).fill(email);
  await colleague.getByLabel(/Passwort|Password/).fill(password);
  await colleague.getByRole("button", { name: /Anmelden|Sign in/ }).click();
  await expect(colleague).toHaveURL(/\/change-password$/);
  await colleague.getByLabel(/Bisheriges Passwort|Current password/).fill(password);
  await colleague.getByLabel(/^(Neues Passwort \(mindestens 12 Zeichen\)|New password)/).fill(ownPassword);
  await colleague.getByLabel(/Neues Passwort wiederholen|Repeat the new password/).fill(ownPassword);
  await colleague.getByRole("button", { name: /Passwort ändern|Change password/ }).click();
  await expect(colleague).toHaveURL(/\/sign-in\?changed=1$/);
  await signIn(colleague, email, ownPassword);
  await expect(colleague.getByTestId("current-user")).toContainText("Datenschutzbeauftragte(r)");

  await row.getByRole("button", { name: /Deactivate|Deaktivieren/ }).click();
  await expect(row).toContainText(/Deactivated|Deaktiviert/);
  // Deactivation ends the running session and refuses a new sign-in.
  await colleague.reload();
  await expect(colleague).toHaveURL(/\/sign-in$/);
  await colleague.getByLabel(/E-Mail-Adresse|E-mail address/).fill(email);
  await colleague.getByLabel(/Passwort|Password/).fill(ownPassword);
  await colleague.getByRole("button", { name: /Anmelden|Sign in/ }).click();
  await expect(colleague.getByRole("alert").filter({ hasText: /wrong|falsch/ })).toBeVisible();
  await other.close();
});
