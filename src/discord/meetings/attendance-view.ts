import { ButtonStyle, time, userMention } from "discord.js";
import type { Reply } from "../../core/respond.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import type { Attendance } from "../../domain/requests/meeting.js";
import { agreedTime } from "../../domain/requests/meeting.js";
import { requestButton, row } from "../requests/card.js";
import { type Place, pingPair } from "./pair.js";

export const ANSWER_LABELS: Record<Attendance, string> = {
  met: "Yes, we met",
  "no-show": "They didn't come",
  moved: "We moved it",
};

/** ATTENDANCE_CHECK after the agreed start: each of the two answers with one of three buttons. */
export function attendanceQuestion(request: InterviewRequest, place: Place): Reply {
  const confirmed = agreedTime(request.meeting);
  const round = confirmed?.round ?? 0;
  const when = confirmed ? ` on ${time(Math.floor(confirmed.startsAt / 1000), "F")}` : "";
  const button = (answer: Attendance, style: ButtonStyle.Success | ButtonStyle.Secondary) =>
    requestButton("meeting-attendance", request, ANSWER_LABELS[answer], style, round, answer);
  const question = `Did your informational interview${when} happen? Each of you, please tell me: it stays between you and the moderators.`;
  return {
    content:
      place === "thread"
        ? `${userMention(request.seekerId)} ${userMention(request.mentorId)} ${question}`
        : question,
    components: [
      row(
        button("met", ButtonStyle.Success),
        button("no-show", ButtonStyle.Secondary),
        button("moved", ButtonStyle.Secondary),
      ),
    ],
    ...(place === "thread" ? pingPair(request) : {}),
  };
}
