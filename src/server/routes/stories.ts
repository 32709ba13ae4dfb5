import type { FastifyPluginAsync } from "fastify";
import { Type } from "typebox";
import { restoreDocument } from "../../store/restore.js";
import type { Store } from "../../store/store.js";
import type { App } from "../app.js";
import { type Corpus, needCorpus } from "../corpus.js";
import { AnyObject, DocId, ErrorBody, errorResponses } from "../schemas.js";
import { sideBySide } from "../side-by-side.js";
import { storyDerivations, storyFacts } from "../story-derivations.js";

const notFound = (message: string) => ({ error: "not found", message });

export function storyRoutes(store: Store, corpus: Corpus | undefined): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin as unknown as App;
    app.get(
      "/stories",
      {
        schema: {
          summary: "The stories of the corpus, largest first: documents in any language reporting one event",
          response: { 200: Type.Object({ stories: Type.Array(AnyObject) }), 503: ErrorBody },
        },
      },
      async (_request, reply) => {
        const c = needCorpus(corpus, reply);
        if (!c) return reply;
        c.stories.update();
        return { stories: c.stories.stories() };
      },
    );

    app.get(
      "/stories/:id",
      {
        schema: {
          summary:
            "One story: its documents by date, which derive from which, and the facts they state with their corroboration counts (documents and outlets, in the story and in the corpus)",
          params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
          response: { 200: AnyObject, ...errorResponses },
        },
      },
      async (request, reply) => {
        const c = needCorpus(corpus, reply);
        if (!c) return reply;
        c.stories.update();
        const story = c.stories.story(request.params.id);
        if (!story) return reply.code(404).send(notFound(`no story ${request.params.id}`));
        return {
          ...story,
          derivations: storyDerivations(story, store),
          facts: storyFacts(story, c.stories),
        };
      },
    );

    app.get(
      "/documents/:id/alignment",
      {
        schema: {
          summary:
            "A document beside a source, aligned sentence by sentence, with added and dropped sentences and changed values",
          params: Type.Object({ id: DocId }),
          querystring: Type.Object({ source: DocId }),
          response: { 200: AnyObject, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const doc = store.get(request.params.id);
        const source = store.get(request.query.source);
        if (!doc) return reply.code(404).send(notFound(`no document ${request.params.id}`));
        if (!source) return reply.code(404).send(notFound(`no source document ${request.query.source}`));
        const summary = (d: typeof doc) => ({
          id: d.id,
          lang: d.lang,
          title: d.title ?? null,
          source: d.source ?? null,
          date: d.date?.value ?? null,
          url: d.url ?? null,
        });
        return {
          document: summary(doc),
          source: summary(source),
          ...sideBySide(restoreDocument(doc), restoreDocument(source)),
        };
      },
    );
  };
}
