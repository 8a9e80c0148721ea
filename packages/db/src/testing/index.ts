export {
  addPostalAddress,
  createCampaignCatalogue,
  createMailableList,
  provenConsent,
} from "./campaign-fixture.ts";
export { createTestDatabase, type TestDatabase } from "./create-test-database.ts";
export { reasonOf } from "./domain-reason.ts";
export { createServerDatabase, dropServerDatabase, withScratchDatabase } from "./server-database.ts";
