import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePublishedDate } from "../../src/document/date.js";
import { LangPacks } from "../../src/lang/packs.js";
import { resolveTimes } from "../../src/stages/times.js";
import { plainChrono } from "../../src/stages/times-chrono.js";
import { utc } from "../../src/stages/timex.js";
import { pct, type Row, type Scorer } from "../scorer.js";
import { plainChronoTimexes } from "./timex.js";

/**
 * 5W1H "when" on the Giveme5W1H gold in shared/eval: the day of the main event. relata answers
 * with the first day-precise date or time in the title and lead, else the publication day; the
 * same rule over chrono-node alone, and the publication day alone, are the baselines.
 */

const SET = "eval/5w1h";
/** How much of the text the lead is: the title and about the first three sentences. */
const LEAD = 600;

interface Article {
  title: string;
  text: string;
  date_publish: string | null;
  fiveWoneH: { when: { annotated: Array<{ parsed?: string }> } };
}

const DAY = /^\d{4}-\d{2}-\d{2}/;

/** The first day-precise value starting in the lead, as YYYY-MM-DD. */
function firstDay(found: ReadonlyArray<{ start: number; value: string }>): string | undefined {
  return found.find((t) => t.start < LEAD && DAY.test(t.value) && !t.value.includes("/"))?.value.slice(0, 10);
}

export const fiveWScorer: Scorer = {
  task: "5w1h when",
  needs: [SET],
  run(shared: string): Row[] {
    const dir = join(shared, SET);
    const pack = new LangPacks().get("en");
    const parser = plainChrono("en");
    const right = { relata: 0, chrono: 0, published: 0 };
    let n = 0;
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const a = JSON.parse(readFileSync(join(dir, file), "utf8")) as Article;
      const gold = a.fiveWoneH.when.annotated.find((w) => w.parsed)?.parsed;
      if (!gold) continue;
      n++;
      const text = `${a.title}\n\n${a.text}`;
      const date = a.date_publish ? parsePublishedDate(a.date_publish.slice(0, 10)) : undefined;
      const published = date?.value;
      const mine = firstDay(
        resolveTimes(pack, text, date).filter((t) => t.type === "DATE" || t.type === "TIME"),
      );
      if ((mine ?? published) === gold) right.relata++;
      if (published === gold) right.published++;
      if (parser) {
        const ref = date
          ? utc(...(date.value.split("-").map(Number) as [number, number, number]))
          : utc(2016, 11, 10);
        if ((firstDay(plainChronoTimexes(parser, text, ref)) ?? published) === gold) right.chrono++;
      }
    }
    const base = {
      task: "5w1h when (Giveme5W1H)",
      set: `${n} articles with a dated "when"`,
      measure: "day accuracy",
    };
    return [
      { ...base, set: `${base.set}, relata`, value: pct(right.relata, n) },
      { ...base, set: `${base.set}, chrono-node alone`, value: pct(right.chrono, n) },
      { ...base, set: `${base.set}, publication day`, value: pct(right.published, n) },
    ];
  },
};
