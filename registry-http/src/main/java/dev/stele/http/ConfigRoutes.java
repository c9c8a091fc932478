package dev.stele.http;

import static dev.stele.http.auth.Operation.ADMIN;
import static dev.stele.http.auth.Operation.READ;

import dev.stele.http.RequestTypes.ConfigUpdateRequest;
import dev.stele.registry.Settings;

/**
 * {@code /config} and {@code /config/{s}}. A GET answers with the key {@code compatibilityLevel};
 * a PUT echoes the request as sent, under its key {@code compatibility} (../shared/API.md §8.1).
 */
final class ConfigRoutes {
  private final Settings settings;

  ConfigRoutes(Settings settings) {
    this.settings = settings;
  }

  void declare(RouteTable routes) {
    routes.get("/config", Access.global(READ), call -> call.ok(Render.config(settings.config(null, call.flag("defaultToGlobal")))));
    routes.put("/config", Access.global(ADMIN), call -> update(call, null, "updateTopLevelConfig.arg1"));
    routes.delete("/config", Access.global(ADMIN), call -> call.write(() -> settings.deleteConfig(null), Render::config));
    routes.get("/config/:subject", Access.subject(READ), call -> call.ok(Render.config(
        settings.config(call.path("subject"), call.flag("defaultToGlobal")))));
    routes.put("/config/:subject", Access.subject(ADMIN), call -> update(call, call.path("subject"),
        "updateSubjectLevelConfig.arg2"));
    routes.delete("/config/:subject", Access.subject(ADMIN), call -> call.write(
        () -> settings.deleteConfig(call.path("subject")), Render::config));
  }

  private void update(Call call, String subject, String bodyParameter) {
    ConfigUpdateRequest request = RequestBodies.configUpdate(call.body(), bodyParameter);
    call.write(() -> settings.updateConfig(subject, RequestBodies.config(request)),
        applied -> Render.echo(request));
  }
}
