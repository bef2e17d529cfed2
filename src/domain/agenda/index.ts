export {
  AGENDA_MAX_QUESTIONS,
  type AgendaGroup,
  agendaGroups,
  CLOSING_GROUP,
  estimateLine,
  MINUTES_PER_QUESTION,
  withSelection,
} from "./agenda.js";
export { type AgendaDraft, AgendaDrafts } from "./drafts.js";
export { AgendaService, type AgendaView, type PostPlan } from "./service.js";
