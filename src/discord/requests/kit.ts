import { ButtonStyle, userMention } from "discord.js";
import { splitText } from "../../core/limits.js";
import type { Reply } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import { GUIDE } from "../../data/guide.js";
import { getLibraryType } from "../../domain/library-types.js";
import type { MentorProfile } from "../../domain/mentors/index.js";
import { buildChecklist, OPENER_MARK } from "../../domain/questions.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { DEFAULT_MEETING_MINUTES } from "../../domain/requests/meeting.js";
import { FORMAT_LABELS } from "../mentors/card.js";
import { requestButton, row } from "./card.js";
import { atSentenceStart } from "./names.js";

interface KitOptions {
  /** In a thread, both are mentioned (and pinged); by DM, each is told how to reach the other. */
  place: "thread" | "dm";
  /** Only the seeker's copy carries the "We met" button. */
  metButton: boolean;
  /** The time picker, last: agreeing a time is what to do next. */
  picker?: Reply;
}

/** "We met" for the seeker, and Report, which either of them can press (in a thread both see it). */
const metButtons = (request: InterviewRequest) => [
  requestButton("request-met", request, "We met", ButtonStyle.Success),
  requestButton("request-report", request, "Report", ButtonStyle.Secondary),
];

const mentionBoth = (request: InterviewRequest): Pick<Reply, "allowedMentions"> => ({
  allowedMentions: { parse: [], users: [request.seekerId, request.mentorId] },
});

function introText(
  request: InterviewRequest,
  mentorName: string,
  mentor: MentorProfile | undefined,
  options: KitOptions,
) {
  const seeker = `**${safeText(request.seekerName)}**`;
  const role = mentor ? ` (${safeText([mentor.role, mentor.institution].filter(Boolean).join(", "))})` : "";
  const type = getLibraryType(request.libraryType).name;
  const free = request.availability
    ? ` · ${seeker} is generally free: ${safeText(request.availability)}`
    : "";
  return [
    options.place === "thread" ? `${userMention(request.seekerId)} ${userMention(request.mentorId)}` : "",
    `## Informational interview: ${safeText(request.seekerName)} and ${safeText(mentorName)}`,
    `**${safeText(atSentenceStart(mentorName))}**${role} agreed to a short informational interview with ${seeker} about their work (**${type}**). ` +
      "It's a conversation, not a job interview.",
    `**Format:** ${FORMAT_LABELS[request.format]} · **Length:** ${request.meeting?.minutes ?? DEFAULT_MEETING_MINUTES} minutes${free}`,
    options.place === "thread"
      ? "Agree on a time with the picker below. Nothing else about either of you has been shared."
      : `This server has no mentoring channel, so agree on a time with the picker below (it reaches you both by DM), or message each other directly: ${userMention(request.seekerId)} and ${userMention(request.mentorId)}.`,
    `**What ${safeText(request.seekerName)} hopes to learn**`,
    `>>> ${safeText(request.note)}`,
  ]
    .filter(Boolean)
    .join("\n");
}

/**
 * Everything the two of them get when the librarian accepts: who they are and the seeker's note,
 * the etiquette card from /guide, and questions to start and to close with from the /questions
 * checklist, split to fit Discord's limits.
 */
export function openingMessages(
  request: InterviewRequest,
  mentorName: string,
  mentor: MentorProfile | undefined,
  options: KitOptions,
): Reply[] {
  const type = getLibraryType(request.libraryType);
  const pages = buildChecklist(request.libraryType);
  const openers = pages.flatMap((page) => page.openers);
  const closing = pages.at(-1)?.questions ?? [];
  // The guide says to bring 8 to 10 questions: the thread gets a start and an end, not all of them.
  const checklist = [
    `**Questions ${safeText(request.seekerName)} could start with (${type.name})**`,
    ...openers.map((question) => `${OPENER_MARK} ${question}`),
    "",
    "**To close**",
    ...closing.map((question) => `• ${question}`),
    "",
    `Pick 8 to 10 in all: the full checklist is \`/questions ${type.slug}\`, and \`role:\` adds questions for a kind of library job.`,
  ].join("\n");
  const messages: Reply[] = [
    {
      content: introText(request, mentorName, mentor, options),
      ...(options.place === "thread" ? mentionBoth(request) : {}),
    },
    { content: GUIDE.etiquetteCard },
    ...splitText(checklist).map((content) => ({ content })),
  ];
  if (options.metButton) {
    const where = options.place === "thread" ? "here" : "to you both";
    messages.push({
      content:
        `${safeText(request.seekerName)}: before you meet, **Build an agenda** picks up to 10 questions from the checklist, by topic, and posts them ${where}. ` +
        "Once you have talked, press **We met**. I'll help with a thank-you note.",
      components: [
        row(
          requestButton("agenda-open", request, "Build an agenda", ButtonStyle.Primary),
          ...metButtons(request),
        ),
      ],
    });
  }
  if (options.picker) messages.push(options.picker);
  return messages;
}

const RATING_LABELS = ["1 · not useful", "2", "3", "4", "5 · very useful"];

/** For the seeker alone: a thank-you nudge with the template, and a private 1-5 rating. */
export function metPrompt(request: InterviewRequest): Reply {
  return {
    ephemeral: true,
    content: [
      "Glad you met! A specific thank-you within a day is remembered. A template to adapt:",
      `\`\`\`\n${GUIDE.thankYouTemplate.value}\n\`\`\``,
      "**Was it useful?** Your answer is private: only this server's moderators can see it, never the librarian.",
    ].join("\n"),
    components: [
      row(
        ...RATING_LABELS.map((label, index) =>
          requestButton("request-rate", request, label, ButtonStyle.Secondary, index + 1),
        ),
      ),
    ],
  };
}

export const ratingThanks = (rating: number): Reply => ({
  content: `Thank you: you rated it ${rating} out of 5. Only this server's moderators can see that.`,
  components: [],
});

/** The same rating pressed again: nothing to change. */
export const ratingRecorded = (rating: number): Reply => ({
  content: `Your rating of ${rating} out of 5 is recorded. Only this server's moderators can see it.`,
  components: [],
});

/** A different rating after one was given: asked, never replaced silently. */
export function ratingChangePrompt(request: InterviewRequest, given: number, asked: number): Reply {
  return {
    content: `Change your rating from ${given} to ${asked}?`,
    components: [
      row(
        requestButton("request-rate-change", request, "Change", ButtonStyle.Primary, asked),
        requestButton("request-rate-keep", request, "Keep", ButtonStyle.Secondary),
      ),
    ],
  };
}

export const ratingChanged = (rating: number): Reply => ({
  content: `Changed: you rated it ${rating} out of 5. Only this server's moderators can see that.`,
  components: [],
});

export const ratingKept = (rating: number | undefined): Reply => ({
  content:
    rating === undefined
      ? "Nothing changed."
      : `Kept: your rating stays ${rating} out of 5. Only this server's moderators can see it.`,
  components: [],
});
