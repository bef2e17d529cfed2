import { ButtonStyle, ComponentType, time } from "discord.js";
import { customId } from "../../core/custom-ids.js";
import { requireGuild } from "../../core/guild.js";
import type { Reply } from "../../core/respond.js";
import { updateMessage } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import type { BotContext, ComponentHandler } from "../../core/types.js";
import { UserError } from "../../domain/errors.js";

/** Five rows of five buttons: all one message can carry. */
const MAX_SHOWN = 25;
const MAX_LABEL = 80;

interface ListedBlock {
  name: string;
  createdAt: number;
  /** `id` for a seeker the bot still knows, `code` for one who deleted their data. */
  ref: ["id" | "code", string];
}

function blocksOf(context: BotContext, guildId: string, mentorId: string): ListedBlock[] {
  const { blocks, safety } = context.services.requests;
  const known = blocks.madeBy(guildId, mentorId).map(
    (block): ListedBlock => ({
      name: blocks.nameOf(block) ?? "A seeker whose requests are gone",
      createdAt: block.createdAt,
      ref: ["id", block.seekerId],
    }),
  );
  const deleted = safety.blocksBy(guildId, mentorId).map(
    (block): ListedBlock => ({
      name: "Someone who has since deleted their data",
      createdAt: block.createdAt,
      ref: ["code", block.seekerCode],
    }),
  );
  return [...known, ...deleted].sort((a, b) => a.createdAt - b.createdAt);
}

/** /privacy blocks: the seekers the user blocked, by the name on their request, each with Unblock. */
export function blocksView(context: BotContext, guildId: string, mentorId: string): Reply {
  const listed = blocksOf(context, guildId, mentorId);
  if (listed.length === 0) return { content: "You haven't blocked anyone on this server.", components: [] };
  const shown = listed.slice(0, MAX_SHOWN);
  const lines = shown.map(
    (block) => `• **${safeText(block.name)}**, blocked ${time(Math.floor(block.createdAt / 1000), "D")}`,
  );
  const more = listed.length - shown.length;
  if (more > 0) lines.push(`…and ${more} more; unblock some above to see them.`);
  const buttons = shown.map((block) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label: `Unblock ${block.name}`.slice(0, MAX_LABEL),
    custom_id: customId("privacy-unblock", ...block.ref),
  }));
  const rows = [];
  for (let i = 0; i < buttons.length; i += 5)
    rows.push({ type: ComponentType.ActionRow as const, components: buttons.slice(i, i + 5) });
  return {
    content:
      "**People you blocked.** They can't find you in `/findmentor` or ask you, and they were never told. " +
      "Unblocking lets them ask you again; they aren't told either.\n" +
      lines.join("\n"),
    components: rows,
  };
}

/** Unblock on the /privacy blocks list: only the clicker's own blocks are looked up, so only they can lift them. */
export const unblock: ComponentHandler<"button"> = async (interaction, [kind, ref], context) => {
  const guildId = requireGuild(interaction, "`/privacy blocks`");
  const mentorId = interaction.user.id;
  const { blocks, safety } = context.services.requests;
  const lifted =
    ref !== undefined &&
    (kind === "id"
      ? await blocks.unblock(guildId, mentorId, ref)
      : kind === "code" && (await safety.liftBlock(guildId, mentorId, ref)));
  if (!lifted) throw new UserError("You have no such block any more: it may have been lifted already.");
  const view = blocksView(context, guildId, mentorId);
  await updateMessage(interaction, { ...view, content: `Unblocked.\n\n${view.content}` });
};
