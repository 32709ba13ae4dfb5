import type { FastifyPluginAsync } from "fastify";
import { Type } from "typebox";
import type { KnowledgeBase } from "../../kb/kb.js";
import { layerEvents } from "../../store/sqlite/event-layers.js";
import { namedPlaces } from "../../store/sqlite/mentions.js";
import type { App } from "../app.js";
import { type Corpus, needCorpus } from "../corpus.js";
import { actorGraph, places } from "../event-aggregates.js";
import { AnyObject, DateBound, DocId, dayBounds, ErrorBody, withClientInput } from "../schemas.js";

/** Events read for one graph or map at most. */
const MAX_EVENTS = 20_000;

/** An actor as the stored events and dyads key it: a CAMEO country code (RUS) or a KB id (Q7747). */
const Actor = Type.String({
  minLength: 1,
  maxLength: 64,
  description: "CAMEO country code (RUS) or KB id (Q7747)",
});

const Scope = Type.Object({
  story: Type.Optional(Type.Integer({ minimum: 1 })),
  from: Type.Optional(DateBound),
  to: Type.Optional(DateBound),
});

export function eventRoutes(kb: KnowledgeBase, corpus: Corpus | undefined): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin as unknown as App;
    app.get(
      "/graph",
      {
        schema: {
          summary: "Who acts on whom in a story or a period: actors and directed edges of coded events",
          querystring: Scope,
          response: { 200: AnyObject, 400: ErrorBody, 503: ErrorBody },
        },
      },
      async (request, reply) => {
        const c = needCorpus(corpus, reply);
        if (!c) return reply;
        const { story } = request.query;
        const bounds = dayBounds(request.query.from, request.query.to);
        return actorGraph(layerEvents(c.db, { story, ...bounds, limit: MAX_EVENTS }));
      },
    );

    app.get(
      "/places",
      {
        schema: {
          summary:
            "Where things happened in a story or a period: places of events and places named, with coordinates",
          querystring: Scope,
          response: { 200: Type.Object({ places: Type.Array(AnyObject) }), 400: ErrorBody, 503: ErrorBody },
        },
      },
      async (request, reply) => {
        const c = needCorpus(corpus, reply);
        if (!c) return reply;
        const { story } = request.query;
        const bounds = dayBounds(request.query.from, request.query.to);
        const events = layerEvents(c.db, { story, ...bounds, limit: MAX_EVENTS });
        return { places: places(events, namedPlaces(c.db, { story, ...bounds }), kb) };
      },
    );

    app.get(
      "/events",
      {
        schema: {
          summary:
            "Stored coded events by actor, CAMEO root code, PLOVER type, place, day and document, oldest first",
          querystring: Type.Object({
            actor: Type.Optional(Actor),
            root: Type.Optional(Type.String({ pattern: "^[0-9]{2}$", description: "CAMEO root code (19)" })),
            plover: Type.Optional(
              Type.String({ pattern: "^[A-Z]+$", description: "PLOVER event type (ASSAULT)" }),
            ),
            place: Type.Optional(
              Type.String({ minLength: 1, maxLength: 64, description: "KB id of a place" }),
            ),
            doc: Type.Optional(DocId),
            from: Type.Optional(DateBound),
            to: Type.Optional(DateBound),
            limit: Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 }),
          }),
          response: { 200: Type.Object({ events: Type.Array(AnyObject) }), 400: ErrorBody, 503: ErrorBody },
        },
      },
      async (request, reply) => {
        const c = needCorpus(corpus, reply);
        if (!c) return reply;
        const { doc, ...filter } = request.query;
        c.stories.update();
        return { events: withClientInput(() => c.stories.events({ ...filter, docId: doc })) };
      },
    );

    app.get(
      "/dyads",
      {
        schema: {
          summary:
            "Events between two actors over time: per day, week or month, counts by QuadClass and PLOVER type, Goldstein sum",
          querystring: Type.Object({
            a: Actor,
            b: Actor,
            from: Type.Optional(DateBound),
            to: Type.Optional(DateBound),
            by: Type.Union([Type.Literal("day"), Type.Literal("week"), Type.Literal("month")], {
              default: "week",
            }),
            directed: Type.Boolean({ default: false, description: "only events from a to b" }),
          }),
          response: { 200: Type.Object({ points: Type.Array(AnyObject) }), 400: ErrorBody, 503: ErrorBody },
        },
      },
      async (request, reply) => {
        const c = needCorpus(corpus, reply);
        if (!c) return reply;
        c.stories.update();
        return { points: withClientInput(() => c.stories.dyad(request.query)) };
      },
    );
  };
}
