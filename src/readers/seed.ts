import { parsePublishedDate } from "../document/date.js";
import { firstLine } from "./decode.js";
import { InputError } from "./reader.js";
import { wholeInputReader } from "./whole.js";

const SEED_START = /^\s*date\s+\d{4}-\d{2}(-\d{2})?\s+\S/;
const DATE_LINE = /^\s*date\s+(\S+)\s+(\S.*)$/;
const SEED_DATE = /^\d{4}-\d{2}(-\d{2})?$/;

/**
 * The seed format: a first line `date YYYY-MM[-DD] <headline>`, then paragraphs separated by
 * blank lines. The text is the headline and the paragraphs, without the `date` prefix.
 */
export const seedReader = wholeInputReader(
  "seed",
  (head) => SEED_START.test(firstLine(head) ?? ""),
  (text, input, options) => {
    const lines = text.split("\n");
    const at = lines.findIndex((line) => line.trim() !== "");
    const location = `line ${at + 1}`;
    const match = DATE_LINE.exec(lines[at] ?? "");
    if (!match) {
      throw new InputError(input, 'expected "date YYYY-MM[-DD] headline" on the first line', location);
    }
    const [, dateText = "", headline = ""] = match;
    const date = SEED_DATE.test(dateText) ? parsePublishedDate(dateText) : undefined;
    if (!date) throw new InputError(input, `invalid date "${dateText}"`, location);
    const title = headline.trim();
    const body = lines
      .slice(at + 1)
      .join("\n")
      .replace(/^\s*\n/, "")
      .trimEnd();
    const paragraphs = body ? body.split(/\n\s*\n/).map((p) => p.trimEnd()) : [];
    return { url: options.url, lang: options.lang, date, title, text: [title, ...paragraphs].join("\n\n") };
  },
);
