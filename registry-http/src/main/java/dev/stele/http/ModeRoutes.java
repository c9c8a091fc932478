package dev.stele.http;

import static dev.stele.http.Access.global;
import static dev.stele.http.Access.subject;
import static dev.stele.http.Effect.READS;
import static dev.stele.http.Effect.writes;
import static dev.stele.http.auth.Operation.ADMIN;
import static dev.stele.http.auth.Operation.READ;

import dev.stele.http.RequestTypes.ModeUpdateRequest;
import dev.stele.registry.Settings;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Mode;
import io.vertx.core.buffer.Buffer;

/**
 * {@code /mode} and {@code /mode/{s}}. A PUT echoes the mode as the client spelled it. A DELETE
 * answers the mode it took away (for {@code /mode}, the global one in effect before); with
 * {@code recursive=true} it also takes away the modes under the scope (Confluent 8.x; 7.9 answered
 * {@code DELETE /mode} 405).
 */
final class ModeRoutes {
  private final Settings settings;

  ModeRoutes(Settings settings) {
    this.settings = settings;
  }

  void declare(RouteTable routes) {
    routes.get("/mode", READS, global(READ), call -> read(call, null));
    routes.put("/mode", writes("update mode"), global(ADMIN), call -> update(call, null));
    routes.delete("/mode", writes("delete mode"), global(ADMIN), call -> delete(call, null));
    routes.get("/mode/:subject", READS, subject(READ), call -> read(call, call.path("subject")));
    routes.put("/mode/:subject", writes("update mode"), subject(ADMIN),
        call -> update(call, call.path("subject")));
    routes.delete("/mode/:subject", writes("delete subject mode"), subject(ADMIN),
        call -> delete(call, call.path("subject")));
  }

  private void read(Call call, String subject) {
    call.ok(render(settings.mode(new Requests.GetMode(subject, call.flag("defaultToGlobal")))));
  }

  private void update(Call call, String subject) {
    ModeUpdateRequest request = RequestBodies.modeUpdate(call.body());
    call.write(() -> settings.updateMode(new Requests.UpdateMode(subject, request.mode(), call.flag("force"))),
        applied -> Render.echo(request));
  }

  private void delete(Call call, String subject) {
    call.write(() -> settings.deleteMode(new Requests.DeleteMode(subject, call.flag("recursive"))),
        ModeRoutes::render);
  }

  private static Buffer render(Mode mode) {
    return Render.mode(mode.name());
  }
}
