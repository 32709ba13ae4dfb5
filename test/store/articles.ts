import { Document, type DocumentInit } from "../../src/document/document.js";
import type { TokenKind } from "../../src/document/layers.js";

/**
 * Short articles written for these tests, one per language, each with a distinct date
 * precision. Moscow is spelled differently in each, to test accent folding; the French one
 * holds a Vietnamese name, whose stacked diacritics only remove_diacritics 2 folds.
 */
export const ARTICLES = {
  it: {
    url: "https://www.cronaca.example/esteri/presidente-mosca",
    lang: "it",
    date: { value: "2024-08-06", precision: "day" },
    title: "Il presidente a Mosca",
    text: "Il presidente a Mosca\n\nIl presidente è arrivato a Mosca. Domani parlerà all'Università statale.",
  },
  es: {
    url: "https://diario.example/internacional/moscu",
    lang: "es",
    date: { value: "2024-08", precision: "month" },
    title: "El presidente llegó a Moscú",
    text: "El presidente llegó a Moscú\n\nEl presidente llegó a Moscú el martes. Las tropas siguen cerca de Kursk.",
  },
  fr: {
    url: "https://journal.example/societe/ecole",
    lang: "fr",
    date: { value: "2024", precision: "year" },
    title: "Une école rouvre à Besançon",
    text: "Une école rouvre à Besançon\n\nL'école a rouvert après un été de travaux. La directrice, Nguyễn Thị Hoa, est ravie.",
  },
  de: {
    url: "https://zeitung.example/muenchen",
    lang: "de",
    date: { value: "2024-08-10T09:30:00+02:00", precision: "time" },
    title: "Neuer Bürgermeister in München",
    text: "Neuer Bürgermeister in München\n\nDer Bürgermeister von München heißt Müller.",
  },
  en: {
    url: "https://news.example/world/kursk",
    lang: "en",
    date: { value: "2024-08-07", precision: "day" },
    title: "Troops cross into Kursk",
    text: "Troops cross into Kursk\n\nTroops crossed into the Kursk region, officials in Moscow said. Kursk was calm by night.",
  },
} satisfies Record<string, DocumentInit>;

/** A document with paragraph, sentence and token layers, cut by plain patterns. */
export function analysed(init: DocumentInit): Document {
  const spans = (re: RegExp) =>
    [...init.text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const paragraphs = spans(/[^\n]+/g);
  const paragraphOf = (start: number) => paragraphs.filter((p) => p.start <= start).length - 1;
  const kind = (s: string): TokenKind => (/\p{L}/u.test(s) ? "word" : /\p{N}/u.test(s) ? "number" : "punct");
  return Document.create(init)
    .withLayer(
      "paragraphs",
      paragraphs.map((p, i) => ({ ...p, headline: init.title !== undefined && i === 0 })),
    )
    .withLayer(
      "sentences",
      spans(/[^\n.!?]+[.!?]?/g).map((s) => ({ ...s, paragraph: paragraphOf(s.start) })),
    )
    .withLayer(
      "tokens",
      spans(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu).map((t) => ({
        ...t,
        kind: kind(init.text.slice(t.start, t.end)),
      })),
    );
}
