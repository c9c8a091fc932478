package dev.stele.http;

import static dev.stele.http.Access.subject;
import static dev.stele.http.Cost.PARSES;
import static dev.stele.http.Effect.READS;
import static dev.stele.http.auth.Operation.READ;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stele.http.RequestTypes.RegisterSchemaRequest;
import dev.stele.registry.Registry;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.schema.CompatibilityLevel;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /compatibility}: checks a schema against one version, or against what the subject's
 * level requires. The Java client asks for the second with a trailing slash; the router takes
 * both spellings. Stele's own {@code /v1/compatibility/subjects/{s}} judges at every level at
 * once (the console's playground: "which level would take this schema?"); it writes nothing.
 */
final class CompatibilityRoutes {
  private static final String VERSIONS = "/compatibility/subjects/:subject/versions";
  static final String EVERY_LEVEL = "/v1/compatibility/subjects/:subject";

  private final Registry registry;

  CompatibilityRoutes(Registry registry) {
    this.registry = registry;
  }

  void declare(RouteTable routes) {
    routes.post(VERSIONS + "/:version", READS, subject(READ), PARSES, call -> check(call, call.path("version")));
    routes.post(VERSIONS, READS, subject(READ), PARSES, call -> check(call, null));
    routes.post(EVERY_LEVEL, READS, subject(READ), PARSES, this::everyLevel);
  }

  /** Parsing and comparing schemas is CPU work: a worker's job. */
  private void check(Call call, String version) {
    String subject = call.path("subject");
    RegisterSchemaRequest body = call.schemaRequest();
    boolean verbose = call.flag("verbose");
    Requests.CheckCompatibility request = new Requests.CheckCompatibility(subject, version,
        call.payload(subject, body), call.flag("normalize"), verbose);
    call.blocking(() -> registry.checkCompatibility(request),
        result -> Render.compatibility(result, verbose));
  }

  /**
   * The subject's own verdict, then one per level, each with Confluent's verbose messages. The
   * schema parses once ({@code ParsedCache}); the seven checks are the same work a registration
   * at each level would do.
   */
  private void everyLevel(Call call) {
    String subject = call.path("subject");
    SchemaPayload payload = call.payload(subject, call.schemaRequest());
    boolean normalize = call.flag("normalize");
    call.blocking(() -> {
      List<Results.Compatibility> verdicts = new ArrayList<>();
      verdicts.add(registry.checkCompatibility(
          new Requests.CheckCompatibility(subject, null, payload, normalize, true)));
      for (CompatibilityLevel level : CompatibilityLevel.values()) {
        verdicts.add(registry.checkCompatibility(
            new Requests.CheckCompatibility(subject, null, payload, normalize, true, level)));
      }
      return verdicts;
    }, CompatibilityRoutes::renderLevels);
  }

  private static Buffer renderLevels(List<Results.Compatibility> verdicts) {
    return Json.render(out -> {
      out.writeStartObject();
      verdict(out, verdicts.get(0));
      out.writeArrayFieldStart("levels");
      for (Results.Compatibility verdict : verdicts.subList(1, verdicts.size())) {
        out.writeStartObject();
        verdict(out, verdict);
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    });
  }

  private static void verdict(JsonGenerator out, Results.Compatibility verdict) throws IOException {
    out.writeStringField("compatibility", verdict.level().name());
    out.writeBooleanField("is_compatible", verdict.isCompatible());
    out.writeArrayFieldStart("messages");
    for (String message : CompatibilityMessages.render(verdict)) {
      out.writeString(message);
    }
    out.writeEndArray();
  }
}
