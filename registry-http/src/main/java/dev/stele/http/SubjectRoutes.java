package dev.stele.http;

import static dev.stele.http.Access.SIGNED_IN;
import static dev.stele.http.Access.subject;
import static dev.stele.http.Cost.PARSES;
import static dev.stele.http.Cost.PARSES_FOR_FORMAT;
import static dev.stele.http.Effect.READS;
import static dev.stele.http.Effect.writes;
import static dev.stele.http.auth.Operation.DELETE;
import static dev.stele.http.auth.Operation.READ;

import dev.stele.http.RequestTypes.RegisterSchemaRequest;
import dev.stele.registry.Registry;
import dev.stele.registry.model.LogicalFormat;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.SchemaVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /subjects} and {@code /subjects/{s}}: listing, lookup by schema or by metadata, subject
 * deletion.
 */
final class SubjectRoutes {
  private final Registry registry;

  SubjectRoutes(Registry registry) {
    this.registry = registry;
  }

  void declare(RouteTable routes) {
    routes.get("/subjects", READS, SIGNED_IN, this::list); // filtered by what the caller may read
    routes.post("/subjects/:subject", READS, subject(READ), PARSES, this::lookup);
    routes.delete("/subjects/:subject", writes("delete subject"), subject(DELETE), this::delete);
    routes.get("/subjects/:subject/metadata", READS, subject(READ), PARSES_FOR_FORMAT,
        this::latestWithMetadata);
  }

  private void list(Call call) {
    // Only the subjects the caller may read (all of them without authentication).
    call.ok(Render.strings(Visible.list(call, call.integer("offset", 0), call.integer("limit", -1),
        subject -> subject, (offset, limit) -> registry.subjects(new Requests.ListSubjects(
            call.text("subjectPrefix"), call.flag("deleted"), call.flag("deletedOnly"), offset,
            limit)))));
  }

  /** Finding a schema means parsing it: a worker's job. */
  private void lookup(Call call) {
    String subject = call.path("subject");
    RegisterSchemaRequest body = call.schemaRequest();
    Requests.Lookup request = new Requests.Lookup(subject, call.payload(subject, body),
        call.flag("normalize"), call.flag("deleted"));
    String format = call.text("format");
    LogicalFormat.refuse(format);
    call.blocking(() -> {
      SchemaVersion found = registry.lookup(request);
      // format: the version found, read again in that format (the stored text when none).
      String text = format == null || format.isEmpty() ? found.schema().schema()
          : registry.version(new Requests.GetVersion(found.subject(), String.valueOf(found.version()),
              true, format)).text();
      return Map.entry(found, text);
    }, answer -> {
      call.registered(answer.getKey().id(), answer.getKey().version());
      return Render.schema(answer.getKey(), answer.getValue());
    });
  }

  /**
   * {@code ?key=k1&value=v1&key=k2&value=v2}: the i-th key goes with the i-th value; a key or
   * value without its partner is ignored, as in the Confluent registry.
   */
  private void latestWithMetadata(Call call) {
    List<String> keys = call.all("key");
    List<String> values = call.all("value");
    Map<String, String> properties = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
      properties.put(keys.get(i), values.get(i));
    }
    Requests.LatestWithMetadata request = new Requests.LatestWithMetadata(call.path("subject"),
        properties, call.flag("deleted"), call.text("format"));
    if (request.format() == null || request.format().isEmpty()) {
      Results.VersionText found = registry.latestWithMetadata(request);
      call.ok(Render.schema(found.version(), found.text()));
    } else {
      call.blocking(() -> registry.latestWithMetadata(request),
          found -> Render.schema(found.version(), found.text()));
    }
  }

  private void delete(Call call) {
    Requests.DeleteSubject request = new Requests.DeleteSubject(call.path("subject"), call.flag("permanent"));
    call.write(() -> registry.deleteSubject(request), Render::integers);
  }
}
