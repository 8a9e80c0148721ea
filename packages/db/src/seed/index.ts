export { demoPassword, demoStaff, isSeeded, seedDemo } from "./demo.ts";
export { demoPurposes } from "./demo-catalogue.ts";
export { demoCompany } from "./demo-company.ts";
export {
  type DemoOutcome,
  type DemoSeedDecision,
  demoSeedDecision,
  demoSeedDecisionForEnv,
  type SeedTarget,
  seedDemoIfAllowed,
} from "./demo-policy.ts";
export * from "./factories.ts";
