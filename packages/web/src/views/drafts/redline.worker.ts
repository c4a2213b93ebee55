// The redline of two local texts, off the page's thread: the drafts engine on a long text takes
// long enough to freeze the page. The texts come by message and never leave the browser.
import type { ParseResult } from '@parley/core/drafts/parse.ts';
import {
  localRedline,
  readText,
  type LocalRedlineReply,
  type LocalRedlineRequest,
  type LocalText,
  type TextSide,
} from './local-redline.ts';

/** Each side's last text as read: a Compare of the texts just given skips reading them again. */
const read = new Map<TextSide, { text: LocalText; parsed: ParseResult }>();

function readOnce(side: TextSide, text: LocalText): ParseResult {
  const last = read.get(side);
  if (last && last.text.text === text.text && last.text.name === text.name) return last.parsed;
  const parsed = readText(text);
  read.set(side, { text, parsed });
  return parsed;
}

self.onmessage = ({ data }: MessageEvent<LocalRedlineRequest>) => {
  if (data.kind === 'read') {
    try {
      readOnce(data.side, data.text);
    } catch {
      read.delete(data.side); // the Compare reads it again and reports what failed
    }
    return;
  }
  let reply: LocalRedlineReply;
  try {
    reply = { id: data.id, ...localRedline(data.before, data.after, readOnce) };
  } catch (error) {
    reply = { id: data.id, ok: false, failure: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
