package dev.stele.http;

import static dev.stele.http.Access.SIGNED_IN;
import static dev.stele.http.Effect.READS;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stele.http.auth.Caller;
import dev.stele.http.auth.Operation;
import dev.stele.http.auth.Resource;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code GET /v1/caller}: who the credentials sign in as and what the rules let them do, so that
 * a user interface (the console) offers only the actions that would be allowed. Stele's own; the
 * server still checks every request. What it tells depends on the rules alone, never on which
 * subjects exist, so it cannot be used to probe names.
 */
final class CallerRoutes {
  static final String PATH = "/v1/caller";

  void declare(RouteTable routes) {
    routes.get(PATH, READS, SIGNED_IN, this::describe);
  }

  /** {@code ?subject=NAME}, repeatable: the caller's operations on each of these subjects too. */
  private void describe(Call call) {
    Caller caller = call.caller();
    List<String> subjects = call.all("subject");
    call.ok(Json.render(out -> {
      out.writeStartObject();
      out.writeStringField("user", caller.principal() == null ? null : caller.principal().name());
      out.writeArrayFieldStart("roles");
      if (caller.principal() != null) {
        for (String role : new TreeSet<>(caller.principal().roles())) {
          out.writeString(role);
        }
      }
      out.writeEndArray();
      out.writeBooleanField("authenticated", !caller.policy().isOpen());
      out.writeBooleanField("readsEverySubject", caller.readsEverySubject());
      operations(out, "global", caller, Resource.GLOBAL);
      out.writeObjectFieldStart("subjects");
      for (String subject : subjects) {
        operations(out, subject, caller, Resource.subject(subject));
      }
      out.writeEndObject();
      out.writeEndObject();
    }));
  }

  private static void operations(JsonGenerator out, String field, Caller caller, Resource resource)
      throws IOException {
    out.writeArrayFieldStart(field);
    for (Operation operation : Operation.values()) {
      if (caller.may(operation, resource)) {
        out.writeString(operation.word());
      }
    }
    out.writeEndArray();
  }
}
