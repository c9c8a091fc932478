package dev.stele.http;

import dev.stele.http.RequestTypes.RegisterSchemaRequest;
import dev.stele.registry.Registry;
import dev.stele.registry.Requests;

/** {@code /subjects} and {@code /subjects/{s}}: listing, lookup by schema, subject deletion. */
final class SubjectRoutes {
  private final Registry registry;

  SubjectRoutes(Registry registry) {
    this.registry = registry;
  }

  void declare(RouteTable routes) {
    routes.get("/subjects", this::list);
    routes.post("/subjects/:subject", this::lookup);
    routes.delete("/subjects/:subject", this::delete);
  }

  private void list(Call call) {
    call.ok(Render.strings(registry.subjects(new Requests.ListSubjects(call.text("subjectPrefix"),
        call.flag("deleted"), call.flag("deletedOnly"), call.integer("offset", 0),
        call.integer("limit", -1)))));
  }

  /** Finding a schema means parsing it: a worker's job. */
  private void lookup(Call call) {
    String subject = call.path("subject");
    RegisterSchemaRequest body = RequestBodies.schemaRequest(call.body(), "lookUpSchemaUnderSubject.arg5");
    Requests.Lookup request = new Requests.Lookup(subject, RequestBodies.payload(subject, body),
        call.flag("normalize"), call.flag("deleted"));
    call.blocking(() -> registry.lookup(request),
        found -> Render.schema(found, found.schema().schema()));
  }

  private void delete(Call call) {
    Requests.DeleteSubject request = new Requests.DeleteSubject(call.path("subject"), call.flag("permanent"));
    call.write(() -> registry.deleteSubject(request), Render::integers);
  }
}
