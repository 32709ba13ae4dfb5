import type { FastifyPluginAsync } from "fastify";
import { Type } from "typebox";
import type { KnowledgeBase } from "../../kb/kb.js";
import { entityMentions } from "../../store/sqlite/mentions.js";
import type { App } from "../app.js";
import { type Corpus, needCorpus } from "../corpus.js";
import { AnyObject, errorResponses } from "../schemas.js";

/** Documents listed on an entity's page, newest first. */
const DOCUMENTS = 50;

export function entityRoutes(kb: KnowledgeBase, corpus: Corpus | undefined): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin as unknown as App;
    app.get(
      "/entities/:id",
      {
        schema: {
          summary:
            "An entity of the KB as the corpus sees it: KB record, names, offices over time, mentions per week and the documents naming it",
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          response: { 200: AnyObject, ...errorResponses },
        },
      },
      async (request, reply) => {
        const c = needCorpus(corpus, reply);
        if (!c) return reply;
        const { id } = request.params;
        const entity = kb.entity(id);
        const mentions = entityMentions(c.db, id, DOCUMENTS);
        if (!entity && mentions.total === 0)
          return reply.code(404).send({ error: "not found", message: `no KB entity or mention ${id}` });
        return {
          id,
          entity: entity ?? null,
          names: kb.namesOf(id),
          offices: kb
            .officesOf(id)
            .map(({ office, fact }) => ({ ...fact, officeName: office.name }))
            .sort((a, b) => a.from.localeCompare(b.from)),
          mentionsPerWeek: mentions.weeks,
          documents: mentions.documents,
          documentCount: mentions.total,
        };
      },
    );
  };
}
