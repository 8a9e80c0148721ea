import { expect, type Page } from "@playwright/test";

export const demoPassword = "purposeful-demo";
export const demoUsers = {
  staff: { email: "staff@demo.purposeful.test", name: "Sabine Vertrieb", roleLabel: "Mitarbeiter" },
  marketing: { email: "marketing@demo.purposeful.test", name: "Max Marketing", roleLabel: "Marketing" },
  dpo: {
    email: "dpo@demo.purposeful.test",
    name: "Dana Datenschutz",
    roleLabel: "Datenschutzbeauftragte(r)",
  },
  admin: { email: "admin@demo.purposeful.test", name: "Alex Admin", roleLabel: "Admin" },
} as const;

export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(/E-Mail-Adresse|E-mail address/).fill(email);
  await page.getByLabel(/Passwort|Password/).fill(password);
  await page.getByRole("button", { name: /Anmelden|Sign in/ }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}
