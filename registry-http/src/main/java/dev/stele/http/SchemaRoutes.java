package dev.stele.http;

import static dev.stele.http.Access.SIGNED_IN;
import static dev.stele.http.Cost.PARSES_FOR_FORMAT;
import static dev.stele.http.Effect.READS;

import dev.stele.registry.Registry;
import dev.stele.registry.model.AssociationRequests.SchemaFilter;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.SchemaVersion;
import dev.stele.registry.model.SubjectVersion;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code /schemas}: schemas by id, listings and the supported types. */
final class SchemaRoutes {
  private final Registry registry;
  private final SchemaByIdCache cache = new SchemaByIdCache();

  SchemaRoutes(Registry registry) {
    this.registry = registry;
  }

  void declare(RouteTable routes) {
    // Signed in is enough: each handler shows only what the caller may read (Visible).
    routes.get("/schemas", READS, SIGNED_IN, this::list);
    routes.get("/schemas/types", READS, SIGNED_IN, call -> call.ok(Render.strings(registry.schemaTypes())));
    routes.get("/schemas/ids/:id", READS, SIGNED_IN, PARSES_FOR_FORMAT, this::byId);
    routes.get("/schemas/ids/:id/schema", READS, SIGNED_IN, PARSES_FOR_FORMAT, this::rawById);
    routes.get("/schemas/ids/:id/subjects", READS, SIGNED_IN, this::subjects);
    routes.get("/schemas/ids/:id/versions", READS, SIGNED_IN, this::versions);
    routes.get("/schemas/guids/:guid", READS, SIGNED_IN, PARSES_FOR_FORMAT, this::byGuid);
    routes.get("/schemas/guids/:guid/ids", READS, SIGNED_IN, call -> call.ok(Render.contextIds(
        Visible.readableIds(call, registry, registry.idsForGuid(call.path("guid"))))));
  }

  /**
   * With {@code aliases=true} each entry lists the subjects that are aliases of its subject;
   * Confluent 8.5's association filters keep the subjects they match, with their associations.
   */
  private void list(Call call) {
    SchemaFilter associations = AssociationBodies.schemaFilter(call);
    // Only schemas under subjects the caller may read (all without authentication).
    List<Results.ListedSchema> found = Visible.list(call, call.integer("offset", 0),
        call.integer("limit", -1), Results.ListedSchema::subject, (offset, limit) -> registry.schemas(
            new Requests.ListSchemas(call.text("subjectPrefix"), call.flag("deleted"),
                call.flag("latestOnly"), call.text("ruleType"), associations, offset, limit)));
    call.ok(Render.schemas(found, call.flag("aliases") ? registry.aliases() : Map.of()));
  }

  /**
   * The consumers' hot path: without query parameters the answer is a cached rendering, checked
   * against the schema instance the registry returns so that it never outlives a change.
   */
  private void byId(Call call) {
    int id = call.pathInt("id");
    Visible.requireReadableId(call, registry, id);
    if (!call.hasQuery()) {
      call.ok(cache.render(id, registry.schemaById(new Requests.SchemaById(id, null, null, false))));
      return;
    }
    String qualifyIn = SubjectVersionRoutes.qualifiedReferences(call) ? call.text("subject") : null;
    read(call, new Requests.SchemaById(id, call.text("subject"), call.text("format"),
        call.flag("fetchMaxId"), call.all("findTags")), found -> Render.schemaText(found, qualifyIn));
  }

  /** {@code GET /schemas/guids/{guid}}: a {@code SchemaString}, as by id. */
  private void byGuid(Call call) {
    String guid = call.path("guid");
    Visible.requireReadableGuid(call, registry, guid);
    Requests.SchemaByGuid request = new Requests.SchemaByGuid(guid, call.text("format"));
    if (request.format() == null || request.format().isEmpty()) {
      call.ok(Render.schemaText(registry.schemaByGuid(request)));
    } else {
      call.blocking(() -> registry.schemaByGuid(request), Render::schemaText);
    }
  }

  /** The schema text itself is the body (JSON for Avro and JSON Schema, .proto text otherwise). */
  private void rawById(Call call) {
    Visible.requireReadableId(call, registry, call.pathInt("id"));
    read(call, new Requests.SchemaById(call.pathInt("id"), call.text("subject"), call.text("format"),
        false), found -> Buffer.buffer(found.text()));
  }

  /**
   * Another format than the stored one, or finding tags, means parsing the schema: that runs off
   * the event loop.
   */
  private void read(Call call, Requests.SchemaById request, Function<Results.SchemaText, Buffer> render) {
    if ((request.format() == null || request.format().isEmpty()) && request.findTags().isEmpty()) {
      call.ok(render.apply(registry.schemaById(request)));
    } else {
      call.blocking(() -> registry.schemaById(request), render);
    }
  }

  private void subjects(Call call) {
    Visible.requireReadableId(call, registry, call.pathInt("id"));
    call.ok(Render.strings(Visible.list(call, call.integer("offset", 0), call.integer("limit", -1),
        subject -> subject, (offset, limit) -> registry.subjectsForId(usages(call, offset, limit)))));
  }

  private void versions(Call call) {
    Visible.requireReadableId(call, registry, call.pathInt("id"));
    call.ok(Render.subjectVersions(Visible.list(call, call.integer("offset", 0),
        call.integer("limit", -1), SubjectVersion::subject,
        (offset, limit) -> registry.versionsForId(usages(call, offset, limit)))));
  }

  private static Requests.IdUsages usages(Call call, int offset, int limit) {
    return new Requests.IdUsages(call.pathInt("id"), call.text("subject"), call.flag("deleted"),
        offset, limit);
  }
}
