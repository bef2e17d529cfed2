import { controlsOf } from "../../scripts/sandbox/render.js";

/** The custom ID of the button or menu labelled `label` on a message the bot sent. */
export function customIdOf(message: unknown, label: string): string {
  const control = controlsOf(message as object).find((each) => each.label === label);
  if (!control) throw new Error(`No control labelled "${label}" on the message`);
  return control.customId;
}

export const labelsOf = (message: unknown): string[] =>
  controlsOf(message as object).map((control) => control.label);
