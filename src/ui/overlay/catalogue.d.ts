/** `…/messages.json?overlay`: the overlay's keys of a catalogue (scripts/overlay-messages.ts). */
declare module '*messages.json?overlay' {
  const messages: Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
  export default messages;
}
