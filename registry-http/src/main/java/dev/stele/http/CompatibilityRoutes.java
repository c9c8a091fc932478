package dev.stele.http;

import static dev.stele.http.Access.subject;
import static dev.stele.http.Cost.PARSES;
import static dev.stele.http.Effect.READS;
import static dev.stele.http.auth.Operation.READ;

import dev.stele.http.RequestTypes.RegisterSchemaRequest;
import dev.stele.registry.Registry;
import dev.stele.registry.model.Requests;

/**
 * {@code /compatibility}: checks a schema against one version, or against what the subject's
 * level requires. The Java client asks for the second with a trailing slash; the router takes
 * both spellings.
 */
final class CompatibilityRoutes {
  private static final String VERSIONS = "/compatibility/subjects/:subject/versions";

  private final Registry registry;

  CompatibilityRoutes(Registry registry) {
    this.registry = registry;
  }

  void declare(RouteTable routes) {
    routes.post(VERSIONS + "/:version", READS, subject(READ), PARSES, call -> check(call, call.path("version")));
    routes.post(VERSIONS, READS, subject(READ), PARSES, call -> check(call, null));
  }

  /** Parsing and comparing schemas is CPU work: a worker's job. */
  private void check(Call call, String version) {
    String subject = call.path("subject");
    RegisterSchemaRequest body = RequestBodies.schemaRequest(call.body());
    boolean verbose = call.flag("verbose");
    Requests.CheckCompatibility request = new Requests.CheckCompatibility(subject, version,
        call.payload(subject, body), call.flag("normalize"), verbose);
    call.blocking(() -> registry.checkCompatibility(request),
        result -> Render.compatibility(result, verbose));
  }
}
