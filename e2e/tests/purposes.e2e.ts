import { expect, test } from "@playwright/test";
import { demoUsers, signIn } from "./fixtures";

test("a dpo creates a purpose in both languages and makes a material change to its German text", async ({
  page,
}) => {
  const key = `e2e_webinar_${Date.now()}`;
  await signIn(page, demoUsers.dpo.email);
  await page.getByRole("link", { name: /^(Zwecke|Purposes)$/ }).click();
  await page.getByRole("link", { name: /^(Neuer Zweck|New purpose)$/ }).click();

  const form = page.getByRole("form", { name: /Neuer Zweck|New purpose/ });
  await form.getByLabel(/^(Schlüssel|Key)$/).fill(key);
  const german = form.getByRole("group", { name: "Deutsch" });
  await german.getByLabel("Name").fill("Webinar-Einladungen");
  await german
    .getByLabel(/Beschreibung|Description/)
    .fill("Wir laden Sie per E-Mail zu unseren Webinaren ein.");
  const english = form.getByRole("group", { name: "English" });
  await english.getByLabel("Name").fill("Webinar invitations");
  await english.getByLabel(/Beschreibung|Description/).fill("We invite you to our webinars by e-mail.");
  await form.getByRole("combobox", { name: /Rechtsgrundlage|Legal basis/ }).selectOption("consent");
  await form.getByRole("checkbox", { name: /^(E-Mail|E-mail)$/ }).check();
  await form.getByRole("checkbox", { name: /^(Double-Opt-in|Double opt-in)$/ }).check();
  await form.getByLabel(/^(Speicherdauer|Retention period)$/).fill("P2Y");
  await form.getByLabel(/^(Datenkategorien|Data categories)$/).fill("Name, E-Mail-Adresse");
  await form.getByRole("button", { name: /^(Zweck anlegen|Create purpose)$/ }).click();

  await expect(page).toHaveURL(/\/purposes\/[0-9a-f-]{36}$/);
  const versions = page.getByTestId("purpose-version");
  await expect(versions).toHaveCount(1);
  await expect(versions.first()).toContainText("Wir laden Sie per E-Mail zu unseren Webinaren ein.");

  const edit = page.getByRole("form", { name: /Zweck bearbeiten|Edit purpose/ });
  await edit
    .getByRole("group", { name: "Deutsch" })
    .getByLabel(/Beschreibung|Description/)
    .fill("Wir laden Sie per E-Mail zu Webinaren ein und werten die Teilnahme aus.");
  await edit.getByRole("checkbox", { name: /^(Wesentliche Änderung|Material change)$/ }).check();
  await edit.getByRole("button", { name: /^(Änderungen speichern|Save changes)$/ }).click();
  await expect(edit.getByText(/Version 2/)).toBeVisible();

  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText(/Version 2/);
  await expect(versions.first()).toContainText(/Wesentliche Änderung|Material change/);
  await expect(versions.first()).toContainText("werten die Teilnahme aus");
  // The old text stays provable: version 1 is kept unchanged.
  await expect(versions.nth(1)).toContainText("Wir laden Sie per E-Mail zu unseren Webinaren ein.");

  // #7 A new channel is material by force, unticked; the holders' lights follow in a bulk job that
  // the launcher's scheduler runs, and the page shows its result.
  await edit.getByRole("checkbox", { name: /^(Telefon|Phone)$/ }).check();
  await edit.getByRole("button", { name: /^(Änderungen speichern|Save changes)$/ }).click();
  await expect(edit.getByText(/Version 3.*(Kanal hinzugefügt|channel added)/)).toBeVisible();
  await expect(versions).toHaveCount(3);
  await expect(versions.first()).toContainText(/Wesentliche Änderung|Material change/);
  const lights = page.getByTestId("purpose-lights-job");
  await expect(lights).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(lights).toContainText(/(Fertig|Done)/);

  await page.getByRole("link", { name: /Zurück zu den Zwecken|Back to purposes/ }).click();
  const row = page.getByTestId("purpose-row").filter({ hasText: key });
  await expect(row).toContainText("Webinar-Einladungen");
  await expect(row.locator("td").last()).toHaveText("3");
});

test("a staff user reads the catalogue but cannot create purposes", async ({ page }) => {
  await signIn(page, demoUsers.staff.email);
  await page.getByRole("link", { name: /^(Zwecke|Purposes)$/ }).click();
  await expect(page.getByRole("heading", { name: /^(Zwecke|Purposes)$/ })).toBeVisible();
  await expect(page.getByTestId("purpose-row").first()).toBeVisible();
  await expect(page.getByRole("link", { name: /^(Neuer Zweck|New purpose)$/ })).toHaveCount(0);

  await page.getByTestId("purpose-row").first().getByRole("link").click();
  await expect(page.getByTestId("purpose-version").first()).toBeVisible();
  await expect(page.getByRole("form")).toHaveCount(0);

  await page.goto("/purposes/new");
  await expect(page.getByRole("heading", { name: /Kein Zugriff|Not allowed/ })).toBeVisible();
});
