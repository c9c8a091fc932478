package dev.stele.http;

import static dev.stele.http.auth.Operation.ADMIN;
import static dev.stele.http.auth.Operation.READ;

import dev.stele.http.RequestTypes.ModeUpdateRequest;
import dev.stele.registry.Settings;
import dev.stele.registry.model.Mode;
import io.vertx.core.buffer.Buffer;

/**
 * {@code /mode} and {@code /mode/{s}}. A PUT echoes the mode as the client spelled it. There is
 * no {@code DELETE /mode}: the Confluent registry 7.9 answers it 405.
 */
final class ModeRoutes {
  private final Settings settings;

  ModeRoutes(Settings settings) {
    this.settings = settings;
  }

  void declare(RouteTable routes) {
    routes.get("/mode", Access.global(READ), call -> call.ok(render(settings.mode(null, call.flag("defaultToGlobal")))));
    routes.put("/mode", Access.global(ADMIN), call -> update(call, null, "updateTopLevelMode.arg1"));
    routes.get("/mode/:subject", Access.subject(READ), call -> call.ok(render(
        settings.mode(call.path("subject"), call.flag("defaultToGlobal")))));
    routes.put("/mode/:subject", Access.subject(ADMIN), call -> update(call, call.path("subject"), "updateMode.arg2"));
    routes.delete("/mode/:subject", Access.subject(ADMIN), call -> call.write(
        () -> settings.deleteMode(call.path("subject"), call.flag("recursive")), ModeRoutes::render));
  }

  private void update(Call call, String subject, String bodyParameter) {
    ModeUpdateRequest request = RequestBodies.modeUpdate(call.body(), bodyParameter);
    call.write(() -> settings.updateMode(subject, request.mode(), call.flag("force")),
        applied -> Render.echo(request));
  }

  private static Buffer render(Mode mode) {
    return Render.mode(mode.name());
  }
}
