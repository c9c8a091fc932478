package dev.stele.http;

import static dev.stele.http.Access.subject;
import static dev.stele.http.Cost.PARSES;
import static dev.stele.http.Cost.PARSES_FOR_FORMAT;
import static dev.stele.http.Effect.READS;
import static dev.stele.http.Effect.resendableWrites;
import static dev.stele.http.Effect.writes;
import static dev.stele.http.auth.Operation.DELETE;
import static dev.stele.http.auth.Operation.READ;
import static dev.stele.http.auth.Operation.WRITE;

import dev.stele.http.RequestTypes.RegisterSchemaRequest;
import dev.stele.registry.Registry;
import dev.stele.registry.model.LogicalFormat;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code /subjects/{s}/versions}: registration and the versions of a subject. */
final class SubjectVersionRoutes {
  private static final String VERSIONS = "/subjects/:subject/versions";
  private static final String VERSION = VERSIONS + "/:version";

  private final Registry registry;

  SubjectVersionRoutes(Registry registry) {
    this.registry = registry;
  }

  void declare(RouteTable routes) {
    routes.get(VERSIONS, READS, subject(READ), this::list);
    // Resendable: registering a schema the subject already has writes nothing and answers its id
    // again (as Confluent does), so a second try of a register that landed answers what the first
    // would have. Only one node writes at a time (Kafka fences a former writer), so the second try
    // is decided on a log that holds the first one if it landed.
    routes.post(VERSIONS, resendableWrites("register schema"), subject(WRITE), PARSES,
        this::register);
    routes.get(VERSION, READS, subject(READ), PARSES_FOR_FORMAT, call -> read(call, true,
        found -> Render.schema(found.version(), found.text(), found.tags(), qualifiedReferences(call))));
    routes.get(VERSION + "/schema", READS, subject(READ), PARSES_FOR_FORMAT,
        call -> read(call, false, found -> Buffer.buffer(found.text())));
    routes.get(VERSION + "/referencedby", READS, subject(READ), this::referencedBy);
    routes.delete(VERSION, writes("delete schema version"), subject(DELETE), this::delete);
    routes.post(VERSION + "/tags", writes("modify schema tags"), subject(WRITE), PARSES, this::tag);
  }

  private void list(Call call) {
    call.ok(Render.integers(registry.versions(new Requests.ListVersions(call.path("subject"),
        call.flag("deleted"), call.flag("deletedOnly"), call.flag("deletedAsNegative"),
        call.integer("offset", 0), call.integer("limit", -1)))));
  }

  /**
   * {@code force} skips the compatibility check; {@code format} renders the schema of an answer
   * that carries one ({@code format=logical}, a body in logical types, is refused: 42201).
   */
  private void register(Call call) {
    String subject = call.path("subject");
    String format = call.text("format");
    LogicalFormat.refuse(format);
    RegisterSchemaRequest body = call.schemaRequest();
    Requests.Register request = new Requests.Register(subject, call.payload(subject, body),
        call.flag("normalize"), body.id(), body.version(),
        SchemaTagBodies.edit(body.schemaTagsToAdd(), "schemaTagsToAdd", body.schemaTagsToRemove(),
            "schemaTagsToRemove"),
        Boolean.TRUE.equals(body.propagateSchemaTags()), call.flag("force"));
    if (format == null || format.isEmpty()) {
      call.write(() -> registry.register(request), registered -> {
        call.registered(registered.id(), registered.version());
        return Render.registered(registered, null);
      });
      return;
    }
    // Formatting parses the stored schema: on a worker, once the registration is applied.
    call.write(() -> registry.register(request).thenCompose(registered -> call.onWorker(() ->
        Map.entry(registered, registered.detailed() ? registry.version(new Requests.GetVersion(
            registered.schemaVersion().subject(), String.valueOf(registered.version()), true,
            format)).text() : ""))), answer -> {
              call.registered(answer.getKey().id(), answer.getKey().version());
              return Render.registered(answer.getKey(), answer.getValue());
            });
  }

  /** {@code referenceFormat=qualified}: references answered with their context (Confluent 8.x). */
  static boolean qualifiedReferences(Call call) {
    return "qualified".equals(call.text("referenceFormat"));
  }

  private void tag(Call call) {
    Requests.TagVersion request = SchemaTagBodies.tagVersion(call.path("subject"), call.path("version"),
        RequestBodies.tagRequest(call.body()));
    call.write(() -> registry.tagVersion(request), registered -> {
      call.registered(registered.id(), registered.version());
      return Render.registered(registered);
    });
  }

  /**
   * Another format than the stored one, or finding tags ({@code findTags}), means parsing the
   * schema: that runs off the event loop.
   */
  private void read(Call call, boolean findsTags, Function<Results.VersionText, Buffer> render) {
    Requests.GetVersion request = new Requests.GetVersion(call.path("subject"), call.path("version"),
        call.flag("deleted"), call.text("format"), findsTags ? call.all("findTags") : List.of());
    if ((request.format() == null || request.format().isEmpty()) && request.findTags().isEmpty()) {
      call.ok(render.apply(registry.version(request)));
    } else {
      call.blocking(() -> registry.version(request), render);
    }
  }

  private void referencedBy(Call call) {
    call.ok(Render.integers(registry.referencedBy(new Requests.ReferencedBy(call.path("subject"),
        call.path("version"), call.flag("deleted"), call.integer("offset", 0),
        call.integer("limit", -1)))));
  }

  private void delete(Call call) {
    Requests.DeleteVersion request = new Requests.DeleteVersion(call.path("subject"),
        call.path("version"), call.flag("permanent"));
    call.write(() -> registry.deleteVersion(request), version -> {
      call.version(version);
      return Render.integer(version);
    });
  }
}
