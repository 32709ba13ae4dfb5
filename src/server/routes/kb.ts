import type { FastifyPluginAsync } from "fastify";
import { Type } from "typebox";
import type { KnowledgeBase } from "../../kb/kb.js";
import { nameKey } from "../../kb/normalize.js";
import type { Entity } from "../../kb/schema.js";
import type { App } from "../app.js";
import { ErrorBody } from "../schemas.js";

const summary = (e: Entity) => ({ id: e.id, type: e.type, name: e.name, country: e.country, cameo: e.cameo });

export function kbRoutes(kb: KnowledgeBase): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin as unknown as App;
    app.get(
      "/kb/entities",
      {
        schema: {
          summary: "KB entities known by this name in any language",
          querystring: Type.Object({ q: Type.String({ minLength: 1 }) }),
          response: {
            200: Type.Object({ entities: Type.Array(Type.Object({}, { additionalProperties: true })) }),
            400: ErrorBody,
          },
        },
      },
      async (request) => {
        const ids = new Set(kb.index.lookup(nameKey(request.query.q)).map((entry) => entry.id));
        return { entities: [...ids].flatMap((id) => kb.entity(id) ?? []).map(summary) };
      },
    );

    app.get(
      "/kb/entities/:id",
      {
        schema: {
          summary: "One KB entity with its names and dated offices",
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          response: { 200: Type.Object({}, { additionalProperties: true }), 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const entity = kb.entity(request.params.id);
        if (!entity)
          return reply.code(404).send({ error: "not found", message: `no KB entity ${request.params.id}` });
        return {
          ...entity,
          names: kb.namesOf(entity.id),
          offices: kb.officesOf(entity.id).map(({ office, fact }) => ({ ...fact, officeName: office.name })),
        };
      },
    );
  };
}
