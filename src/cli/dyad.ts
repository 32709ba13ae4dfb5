import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import type { DyadBucket, DyadPoint } from "../corpus/dyads.js";
import { DEFAULT_DB, parseDateFlag, parseFormat } from "./common.js";
import { withCorpus } from "./stories.js";

interface Flags {
  db: string;
  from?: string;
  to?: string;
  by: DyadBucket;
  directed?: boolean;
  format: "text" | "json" | "csv";
}

/** A three-letter CAMEO country code in any case, or a KB id as the entities layer gives it. */
function parseActor(value: string): string {
  const actor = value.trim();
  if (/^[a-z]{3}$/i.test(actor)) return actor.toUpperCase();
  if (actor === "" || /\s/.test(actor)) {
    throw new InvalidArgumentError("expected a CAMEO country code (RUS) or a KB id (Q7747)");
  }
  return actor;
}

const QUADS = ["1", "2", "3", "4"] as const;

function csv(points: readonly DyadPoint[]): string {
  const types = [...new Set(points.flatMap((p) => Object.keys(p.plover)))].sort();
  const header = [
    "period",
    "first",
    "last",
    "events",
    ...QUADS.map((q) => `quad${q}`),
    "goldstein",
    "sources",
    ...types,
  ];
  const rows = points.map((p) =>
    [
      p.period,
      p.first,
      p.last,
      p.events,
      ...QUADS.map((q) => p.quad[q]),
      p.goldstein,
      p.sources,
      ...types.map((t) => p.plover[t] ?? 0),
    ].join(","),
  );
  return `${[header.join(","), ...rows].join("\n")}\n`;
}

function text(points: readonly DyadPoint[]): string {
  if (points.every((p) => p.events === 0)) return "no events between these actors in this range\n";
  return points
    .map((p) => {
      const types = Object.entries(p.plover)
        .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
        .map(([t, n]) => `${t} ${n}`);
      const quads = QUADS.map((q) => p.quad[q]).join("/");
      return `${p.period}  ${p.events} events  quad ${quads}  goldstein ${p.goldstein.toFixed(1)}  ${p.sources} sources${types.length ? `  ${types.join(", ")}` : ""}\n`;
    })
    .join("");
}

export function registerDyad(program: Command): void {
  program
    .command("dyad")
    .description(
      "events between two actors over time: counts by QuadClass (verbal/material cooperation, verbal/material conflict) and PLOVER type, summed Goldstein, distinct outlets",
    )
    .argument("<a>", "actor: CAMEO country code (RUS matches RUSGOV, RUSMIL…) or KB id", parseActor)
    .argument("<b>", "the other actor", parseActor)
    .option("--from <date>", "first day, month or year", parseDateFlag)
    .option("--to <date>", "last day, month or year", parseDateFlag)
    .option("--by <bucket>", "day, week or month", parseFormat(["day", "week", "month"]), "month")
    .option("--directed", "only events whose source is <a> and target <b>")
    .option("--format <format>", "text, json or csv", parseFormat(["text", "json", "csv"]), "text")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .action((a: string, b: string, flags: Flags) => {
      const points = withCorpus(flags.db, (corpus) =>
        corpus.dyad({
          a,
          b,
          from: flags.from,
          to: flags.to,
          by: flags.by,
          directed: flags.directed === true,
        }),
      );
      if (flags.format === "json") process.stdout.write(`${JSON.stringify(points, null, 2)}\n`);
      else process.stdout.write(flags.format === "csv" ? csv(points) : text(points));
    });
}
