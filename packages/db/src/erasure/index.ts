export { ANONYMIZED_TEXT } from "./erase-level-three.ts";
export {
  erasePerson,
  listPersonErasures,
  markErasureRecipientsNotified,
  type PersonErasure,
  previewErasure,
} from "./erase-person.ts";
export {
  type ErasedPerson,
  type ErasePersonsInput,
  type ErasureActor,
  erasePersonsBatch,
} from "./erase-persons.ts";
export { loadErasureFacts } from "./erasure-facts.ts";
export { deleteExpiredHolds } from "./held-items.ts";
