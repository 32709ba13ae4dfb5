import { describe, expect, it } from "vitest";
import { Document } from "../../src/document/document.js";
import type { Span } from "../../src/document/span.js";
import { LangPacks } from "../../src/lang/packs.js";
import { segmentStage } from "../../src/stages/segment.js";

const packs = new LangPacks();

function segment(lang: string | undefined, text: string, title?: string): Document {
  return segmentStage.run(Document.create({ lang, text, title }), { packs });
}

const texts = (doc: Document, spans: readonly Span[]) => spans.map((s) => doc.text.slice(s.start, s.end));
const sentences = (lang: string | undefined, text: string, title?: string) => {
  const doc = segment(lang, text, title);
  return texts(doc, doc.layer("sentences"));
};
const tokens = (lang: string, text: string) => {
  const doc = segment(lang, text);
  return doc.layer("tokens").map((t) => [doc.text.slice(t.start, t.end), t.kind]);
};

/** Every span is non-empty, trimmed, in order, and inside the span of the layer above it. */
function expectWellFormed(doc: Document): void {
  const within = (inner: readonly Span[], outer: readonly Span[]) => {
    let o = 0;
    let previousEnd = 0;
    for (const span of inner) {
      const covered = doc.text.slice(span.start, span.end);
      expect(covered.length).toBeGreaterThan(0);
      expect(covered).toBe(covered.trim());
      expect(span.start).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = span.end;
      while ((outer[o]?.end ?? Number.POSITIVE_INFINITY) < span.end) o++;
      expect(outer[o]?.start).toBeLessThanOrEqual(span.start);
    }
  };
  const whole = [{ start: 0, end: doc.text.length }];
  within(doc.layer("paragraphs"), whole);
  within(doc.layer("sentences"), doc.layer("paragraphs"));
  within(doc.layer("tokens"), doc.layer("sentences"));
  doc.layer("sentences").forEach((s) => {
    const p = doc.layer("paragraphs")[s.paragraph];
    expect(p && p.start <= s.start && s.end <= p.end).toBe(true);
  });
}

describe("segment stage: abbreviations", () => {
  it("keeps English titles, initials and dotted capitals inside the sentence", () => {
    expect(sentences("en", "Mr. Smith met the U.S. envoy. He left at noon.")).toEqual([
      "Mr. Smith met the U.S. envoy.",
      "He left at noon.",
    ]);
    expect(
      sentences(
        "en",
        "Dr. Jones read J. R. R. Tolkien on the train. The U.S. Senate voted on Aug. 5 in Washington.",
      ),
    ).toEqual([
      "Dr. Jones read J. R. R. Tolkien on the train.",
      "The U.S. Senate voted on Aug. 5 in Washington.",
    ]);
  });

  it("handles Italian titles in either case", () => {
    expect(
      sentences(
        "it",
        "Il Sig. Rossi e il dott. Bianchi sono arrivati in prefettura. Dott. Bianchi ha parlato per primo. L'On. Verdi no.",
      ),
    ).toEqual([
      "Il Sig. Rossi e il dott. Bianchi sono arrivati in prefettura.",
      "Dott. Bianchi ha parlato per primo.",
      "L'On. Verdi no.",
    ]);
  });

  it("handles German ordinals, z. B. and Mio.", () => {
    expect(
      sentences(
        "de",
        "Das Treffen findet am 5. August in Berlin statt. Es kamen z. B. Vertreter aus Polen. Der Bau kostet 3 Mio. Euro. Die Zahl der Verletzten stieg auf 12. Die Polizei sperrte die Straße.",
      ),
    ).toEqual([
      "Das Treffen findet am 5. August in Berlin statt.",
      "Es kamen z. B. Vertreter aus Polen.",
      "Der Bau kostet 3 Mio. Euro.",
      "Die Zahl der Verletzten stieg auf 12.",
      "Die Polizei sperrte die Straße.",
    ]);
    expect(
      sentences("de", "Die Stadt ist bereit. Der 16. Gipfel beginnt heute. 1. FC Köln gewinnt."),
    ).toEqual(["Die Stadt ist bereit.", "Der 16. Gipfel beginnt heute.", "1. FC Köln gewinnt."]);
  });

  it("handles French M. and Spanish Sr.", () => {
    expect(sentences("fr", "M. Dupont a rencontré le maire hier. Il repart demain.")).toEqual([
      "M. Dupont a rencontré le maire hier.",
      "Il repart demain.",
    ]);
    expect(
      sentences("es", "El Sr. García llegó a Madrid. La Dra. López viajó a EE. UU. Tras la cumbre."),
    ).toEqual(["El Sr. García llegó a Madrid.", "La Dra. López viajó a EE. UU. Tras la cumbre."]);
  });

  it("keeps St. Petersburg whole in English and г. Москва in Russian", () => {
    expect(sentences("en", "The talks moved to St. Petersburg. Both sides agreed.")).toEqual([
      "The talks moved to St. Petersburg.",
      "Both sides agreed.",
    ]);
    expect(sentences("ru", "Встреча прошла в г. Казани. Стороны подписали соглашение.")).toEqual([
      "Встреча прошла в г. Казани.",
      "Стороны подписали соглашение.",
    ]);
  });
});

describe("segment stage: quotes and brackets", () => {
  it("merges breaks inside quotation marks and brackets", () => {
    expect(
      sentences(
        "it",
        "«Vogliamo la pace. Subito», ha detto il ministro. Poi (come sempre. Davvero) è ripartito.",
      ),
    ).toEqual([
      "«Vogliamo la pace. Subito», ha detto il ministro.",
      "Poi (come sempre. Davvero) è ripartito.",
    ]);
    expect(sentences("de", "Er sagte: „Wir kommen. Morgen.“ Dann ging er.")).toEqual([
      "Er sagte: „Wir kommen. Morgen.“",
      "Dann ging er.",
    ]);
    expect(sentences("en", 'She said: "We will stay. We will not leave." Then the talks ended.')).toEqual([
      'She said: "We will stay. We will not leave."',
      "Then the talks ended.",
    ]);
  });

  it("gives a closing mark after a sentence end to that sentence", () => {
    expect(sentences("fr", "« C'est fini. » Le ministre est parti. (Il reviendra.) Demain.")).toEqual([
      "« C'est fini. »",
      "Le ministre est parti.",
      "(Il reviendra.)",
      "Demain.",
    ]);
    expect(sentences("en", "“Enough,” he said. “We go now.” They left.")).toEqual([
      "“Enough,” he said.",
      "“We go now.”",
      "They left.",
    ]);
  });

  it("goes on after a question in quotes followed by a lowercase word", () => {
    expect(sentences("it", "«Perché aspettare?» ha chiesto il sindaco. Nessuno ha risposto.")).toEqual([
      "«Perché aspettare?» ha chiesto il sindaco.",
      "Nessuno ha risposto.",
    ]);
  });
});

describe("segment stage: paragraphs and headline", () => {
  const title = "Vertice a Roma. Accordo sul gas";
  const body = "Il vertice è finito ieri sera.\nI ministri hanno firmato.\n\n\n  Domani si riparte.  \n";

  it("splits paragraphs on line breaks, trimmed, and marks the headline", () => {
    const doc = segment("it", `${title}\n\n${body}`, title);
    expect(texts(doc, doc.layer("paragraphs"))).toEqual([
      title,
      "Il vertice è finito ieri sera.",
      "I ministri hanno firmato.",
      "Domani si riparte.",
    ]);
    expect(doc.layer("paragraphs").map((p) => p.headline)).toEqual([true, false, false, false]);
    expectWellFormed(doc);
  });

  it("keeps the headline as one sentence and never crosses a paragraph", () => {
    const doc = segment("it", `${title}\n\n${body}`, title);
    expect(texts(doc, doc.layer("sentences"))).toEqual([
      title,
      "Il vertice è finito ieri sera.",
      "I ministri hanno firmato.",
      "Domani si riparte.",
    ]);
    expect(doc.layer("sentences").map((s) => s.paragraph)).toEqual([0, 1, 2, 3]);
  });

  it("cuts a headline off the body that follows on the same line", () => {
    const doc = segment("en", "Storm hits coast Thousands lost power overnight.", "Storm hits coast");
    expect(texts(doc, doc.layer("sentences"))).toEqual([
      "Storm hits coast",
      "Thousands lost power overnight.",
    ]);
    expect(doc.layer("paragraphs")[0]?.headline).toBe(true);
  });

  it("has no headline without a title or when the text does not start with it", () => {
    expect(segment("en", "First line.\nSecond line.").layer("paragraphs")[0]?.headline).toBe(false);
    expect(segment("en", "First line.\nSecond line.", "Another title").layer("paragraphs")[0]?.headline).toBe(
      false,
    );
  });
});

describe("segment stage: other languages", () => {
  it("splits Russian, Arabic and Portuguese", () => {
    expect(
      sentences("ru", "В. В. Путин прибыл в Казань в 5.30 утра. Переговоры продлятся два дня! Что дальше?"),
    ).toEqual(["В. В. Путин прибыл в Казань в 5.30 утра.", "Переговоры продлятся два дня!", "Что дальше?"]);
    expect(sentences("ar", "قال د. أحمد إن الوضع مستقر. وأضاف أن المحادثات مستمرة؟ نعم.")).toEqual([
      "قال د. أحمد إن الوضع مستقر.",
      "وأضاف أن المحادثات مستمرة؟",
      "نعم.",
    ]);
    expect(
      sentences(
        "pt",
        "O Sr. Silva chegou a Brasília. A Dra. Costa confirmou a reunião. O acordo sai amanhã.",
      ),
    ).toEqual([
      "O Sr. Silva chegou a Brasília.",
      "A Dra. Costa confirmou a reunião.",
      "O acordo sai amanhã.",
    ]);
  });

  it("segments languages without a pack with the root locale", () => {
    expect(sentences(undefined, "The talks ended. Both sides left.")).toEqual([
      "The talks ended.",
      "Both sides left.",
    ]);
    const doc = segment("zh", "今天天气很好。我们去公园吧！");
    expect(texts(doc, doc.layer("sentences"))).toEqual(["今天天气很好。", "我们去公园吧！"]);
    expect(doc.layer("tokens").length).toBeGreaterThan(4);
    expectWellFormed(doc);
  });
});

describe("segment stage: tokens", () => {
  it("reads money, percentages and numbers", () => {
    expect(tokens("it", "$240 miliardi")).toEqual([
      ["$", "symbol"],
      ["240", "number"],
      ["miliardi", "word"],
    ]);
    expect(tokens("it", "1,6%")).toEqual([
      ["1,6", "number"],
      ["%", "symbol"],
    ]);
    expect(tokens("de", "Es kostet 2.400 €, also 5 Mio. Euro.")).toEqual([
      ["Es", "word"],
      ["kostet", "word"],
      ["2.400", "number"],
      ["€", "symbol"],
      [",", "punct"],
      ["also", "word"],
      ["5", "number"],
      ["Mio.", "word"],
      ["Euro", "word"],
      [".", "punct"],
    ]);
  });

  it("keeps the dot of an abbreviation and splits off sentence punctuation", () => {
    expect(tokens("en", "Mr. Smith met the U.S. envoy.").map(([t]) => t)).toEqual([
      "Mr.",
      "Smith",
      "met",
      "the",
      "U.S.",
      "envoy",
      ".",
    ]);
  });
});

describe("segment stage: well-formed spans", () => {
  it("trims and slices every span in every language", () => {
    const samples: [string, string][] = [
      ["en", "  Mr. Smith met the U.S. envoy.  (He left.)\n\n“Fine,” she said.\t\n"],
      ["it", "«Il Sig. Rossi?» ha chiesto.\u00a0 Il dott. Bianchi ha risposto.\r\nPoi basta."],
      ["de", "Am 5. August kam er. „Das war’s.“ Ende."],
      ["fr", "M. Dupont : « Non. » Fin."],
      ["ar", "قال د. أحمد: «نعم». انتهى."],
      ["ru", "«Да», — сказал он. Всё."],
      ["pt", "O Sr. Silva (PT) falou. Fim."],
    ];
    for (const [lang, text] of samples) expectWellFormed(segment(lang, text));
  });

  it("segments a 2 MB text into the right number of sentences", () => {
    const unit = [
      "Il Sig. Rossi e il dott. Bianchi sono arrivati ieri a Roma per l'incontro annuale.",
      "«Vogliamo la pace. Subito», ha detto il ministro, mentre i prezzi sono saliti dell'1,6% nel 2024.",
      "Il commercio ha superato i $240 miliardi (dati delle dogane. Provvisori) in anticipo.",
      "Poi è ripartito per Milano.",
    ];
    const paragraphs: string[] = [];
    let length = 0;
    let count = 0;
    while (length < 2_000_000) {
      // Mostly ordinary paragraphs, and every tenth one very long, to be cut before segmenting.
      const sentencesInParagraph = paragraphs.length % 10 === 9 ? 400 : 4;
      const p = Array.from({ length: sentencesInParagraph }, (_, i) => unit[i % unit.length]).join(" ");
      paragraphs.push(p);
      length += p.length + 2;
      count += sentencesInParagraph;
    }
    const doc = segment("it", paragraphs.join("\n\n"));
    expect(doc.text.length).toBeGreaterThan(2_000_000);
    expect(doc.layer("paragraphs").length).toBe(paragraphs.length);
    expect(doc.layer("sentences").length).toBe(count);
    expect(texts(doc, doc.layer("sentences").slice(-4))).toEqual(unit);
  });
});
