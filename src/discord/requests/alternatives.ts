import { ComponentType } from "discord.js";
import { customId, parseCustomId } from "../../core/custom-ids.js";
import type { Reply } from "../../core/respond.js";
import type { BotContext } from "../../core/types.js";
import { getLibraryType } from "../../domain/library-types.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { searchView } from "../mentors/search-view.js";
import type { ButtonRow } from "./card.js";

/**
 * The next ranked librarians for the seeker of `request`, for a DM. The search already leaves out
 * the librarian who declined or let it expire (the seeker may not ask them again yet). Ask buttons
 * get the guild added to their custom ID, since a DM interaction carries none.
 */
export function alternativesFor(
  context: BotContext,
  request: Pick<InterviewRequest, "guildId" | "seekerId" | "libraryType">,
  intro: string,
): Reply {
  const type = getLibraryType(request.libraryType);
  const result = context.services.mentors.search({
    guildId: request.guildId,
    seekerId: request.seekerId,
    libraryType: type.slug,
  });
  const rendered = searchView(result, type, { intro });
  return { ...rendered, components: rendered.components?.map((row) => scoped(row, request.guildId)) };
}

function scoped(row: ButtonRow, guildId: string): ButtonRow {
  return {
    ...row,
    components: row.components.map((component) => {
      if (component.type !== ComponentType.Button || !("custom_id" in component)) return component;
      const parsed = parseCustomId(component.custom_id);
      if (parsed?.prefix !== "request-ask") return component;
      return { ...component, custom_id: customId("request-ask", ...parsed.args, guildId) };
    }),
  };
}
