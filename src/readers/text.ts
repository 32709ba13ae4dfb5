import { parsePublishedDate } from "../document/date.js";
import { InputError } from "./reader.js";
import { wholeInputReader } from "./whole.js";

/**
 * Plain text: the whole input is the body, and the options say what the text cannot. A title
 * given as an option heads the text, as a headline would.
 */
export const textReader = wholeInputReader(
  "text",
  () => true,
  (text, input, options) => {
    const body = text.replace(/^(?:[ \t]*\n)+/, "").trimEnd();
    const title = options.title?.trim() || undefined;
    const date = options.date ? parsePublishedDate(options.date) : undefined;
    if (options.date && !date) throw new InputError(input, `invalid date "${options.date}" (--date)`);
    return { url: options.url, lang: options.lang, date, title, text: title ? `${title}\n\n${body}` : body };
  },
);
