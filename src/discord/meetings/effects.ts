import type { Client } from "discord.js";
import type { Reply } from "../../core/respond.js";
import type { BotContext, EffectHandler } from "../../core/types.js";
import { meetingOf, offeredSlots } from "../../domain/meetings/index.js";
import type { InterviewRequest, RequestEffect } from "../../domain/requests/index.js";
import { connect } from "../requests/connect.js";
import { refreshCard } from "../requests/delivery.js";
import { tellBoth, tellOther } from "./send.js";
import {
  cancelledMessage,
  confirmedMessage,
  pickerMessage,
  proposalMessage,
  rescheduledIntro,
} from "./views.js";

type MeetingEffect = Extract<RequestEffect, `meeting-${string}`>;

const librarianNameOf = (context: BotContext, request: InterviewRequest): string =>
  context.services.mentors.get(request.guildId, request.mentorId)?.displayName ?? "the librarian";

/** The time picker as of now: slots from the librarian's current windows and away dates. */
export function picker(context: BotContext, request: InterviewRequest, intro?: string): Reply {
  const profile = context.services.mentors.get(request.guildId, request.mentorId);
  const slots = profile?.weeklyWindows
    ? offeredSlots({
        windows: profile.weeklyWindows,
        awayDates: profile.awayDates,
        timeZone: profile.timeZone,
        minutes: meetingOf(request).minutes,
        now: context.services.clock(),
        horizonMs: context.config.slotHorizonMs,
      })
    : [];
  return pickerMessage(request, {
    librarianName: librarianNameOf(context, request),
    profile,
    slots,
    horizonMs: context.config.slotHorizonMs,
    ...(intro ? { intro } : {}),
  });
}

async function announceProposal(client: Client, context: BotContext, request: InterviewRequest) {
  const { proposal } = meetingOf(request);
  const name = librarianNameOf(context, request);
  const message = proposalMessage(request, name, { mention: true });
  if (!proposal || !message) return;
  await tellOther(
    client,
    context,
    request,
    proposal.by,
    (audience) => proposalMessage(request, name, { mention: audience === "thread" }) ?? message,
    // Both when and what, at most 24 characters: a new proposal is never taken for a repeat.
    `mp${request.id}${Math.floor(proposal.startsAt / 1000).toString(36)}${proposal.at.toString(36)}`.slice(
      0,
      25,
    ),
  );
}

async function announceConfirmed(client: Client, context: BotContext, request: InterviewRequest) {
  const { confirmed } = meetingOf(request);
  if (!confirmed) return;
  await tellBoth(
    client,
    context,
    request,
    (audience) =>
      confirmedMessage(request, {
        mention: audience === "thread",
        lateCancelMs: context.config.lateCancelMs,
      }),
    `mc${request.id}r${confirmed.round}`,
  );
}

async function announceRescheduled(client: Client, context: BotContext, request: InterviewRequest) {
  const { rescheduled } = meetingOf(request);
  if (!rescheduled) return;
  const name = librarianNameOf(context, request);
  await tellBoth(
    client,
    context,
    request,
    (audience) => {
      const reply = picker(context, request, rescheduledIntro(request, name, audience === "thread"));
      const other = rescheduled.by === request.seekerId ? request.mentorId : request.seekerId;
      return audience === "thread" ? { ...reply, allowedMentions: { parse: [], users: [other] } } : reply;
    },
    `mr${request.id}r${rescheduled.round}`,
  );
}

async function announceCancelled(client: Client, context: BotContext, request: InterviewRequest) {
  const { cancelled } = meetingOf(request);
  if (!cancelled) return;
  const name = librarianNameOf(context, request);
  await tellOther(
    client,
    context,
    request,
    cancelled.by,
    (audience) => cancelledMessage(request, name, audience === "thread"),
    `mx${request.id}`,
  );
}

/**
 * What each meeting effect does on Discord; each is safe to run again (nonces). `connect` is the
 * requests' own, given the time picker to post last in the opening kit.
 */
export const MEETING_EFFECTS: Record<MeetingEffect | "connect", EffectHandler> = {
  connect: (client, context, request) => connect(client, context, request, (r) => picker(context, r)),
  "meeting-proposed": announceProposal,
  "meeting-confirmed": announceConfirmed,
  "meeting-rescheduled": announceRescheduled,
  "meeting-cancelled": async (client, context, request) => {
    await announceCancelled(client, context, request);
    await refreshCard(client, context, request);
  },
};
