package dev.stele.http;

import static dev.stele.http.Access.SIGNED_IN;
import static dev.stele.http.Cost.PARSES;
import static dev.stele.http.Effect.READS;

import dev.stele.registry.Registry;
import dev.stele.registry.SchemaViews;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results.FieldMatch;
import dev.stele.schema.SchemaField;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Locale;

/**
 * Stele's own reads of schemas, for the console. {@code GET /v1/schemas/ids/{id}/normalized}:
 * the schema's normalized form (what {@code normalize=true} compares), readable as the id is.
 * {@code GET /v1/search/fields?q=TEXT&in=name|type|any}: the subjects whose latest live version
 * has a field whose name or type holds TEXT (ignoring case), with those fields, a page at a
 * time. Stele's own, for the console. A caller that may not read every subject gets only the
 * subjects it may read, paged after filtering ({@link Visible#list}), so the pages hold nothing
 * it may not see.
 */
final class ViewRoutes {
  static final String FIELDS = "/v1/search/fields";
  static final String NORMALIZED = "/v1/schemas/ids/:id/normalized";
  /** A page unless {@code limit} says otherwise, and the most a page holds. */
  static final int PAGE = 100;
  static final int MAX_PAGE = 1000;

  private final SchemaViews views;
  private final Registry registry;

  /** registry: to tell whether the caller may read an id, as {@code GET /schemas/ids/{id}} does. */
  ViewRoutes(SchemaViews views, Registry registry) {
    this.views = views;
    this.registry = registry;
  }

  void declare(RouteTable routes) {
    routes.get(FIELDS, READS, SIGNED_IN, this::fields);
    routes.get(NORMALIZED, READS, SIGNED_IN, PARSES, this::normalized);
  }

  /** Parsing is CPU work: a worker's job. */
  private void normalized(Call call) {
    int id = call.pathInt("id");
    Visible.requireReadableId(call, registry, id);
    String subject = call.text("subject");
    call.blocking(() -> views.normalized(new Requests.SchemaById(id, subject, null, false)),
        text -> Json.render(out -> {
          out.writeStartObject();
          out.writeStringField("schema", text);
          out.writeEndObject();
        }));
  }

  private void fields(Call call) {
    String text = call.text("q", "").trim();
    if (text.isEmpty()) {
      throw EdgeError.UNPROCESSABLE.exception("The query parameter q is required: the text to find in field names or types");
    }
    Requests.FieldPart in = part(call.text("in", "any"));
    int limit = call.integer("limit", PAGE);
    if (limit <= 0 || limit > MAX_PAGE) {
      throw EdgeError.UNPROCESSABLE.exception("limit must be between 1 and " + MAX_PAGE + ", was " + limit);
    }
    int offset = Math.max(0, call.integer("offset", 0));
    List<FieldMatch> page = Visible.list(call, offset, limit, FieldMatch::subject,
        (from, size) -> views.fields(new Requests.FindFields(text, in, from, size)));
    call.ok(render(page));
  }

  private static Requests.FieldPart part(String in) {
    try {
      return Requests.FieldPart.valueOf(in.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw EdgeError.UNPROCESSABLE.exception("in must be name, type or any, was '" + in + "'");
    }
  }

  private static Buffer render(List<FieldMatch> matches) {
    return Json.render(out -> {
      out.writeStartArray();
      for (FieldMatch match : matches) {
        out.writeStartObject();
        out.writeStringField("subject", match.subject());
        out.writeNumberField("version", match.version());
        out.writeNumberField("id", match.id());
        out.writeStringField("schemaType", match.schemaType());
        out.writeArrayFieldStart("fields");
        for (SchemaField field : match.fields()) {
          out.writeStartObject();
          out.writeStringField("path", field.path());
          out.writeStringField("name", field.name());
          out.writeStringField("type", field.type());
          out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
      }
      out.writeEndArray();
    });
  }
}
