package dev.stele.http;

import static dev.stele.http.Access.global;
import static dev.stele.http.Access.subject;
import static dev.stele.http.Effect.READS;
import static dev.stele.http.Effect.resendableWrites;
import static dev.stele.http.Effect.writes;
import static dev.stele.http.auth.Operation.ADMIN;
import static dev.stele.http.auth.Operation.READ;

import dev.stele.http.RequestTypes.ConfigUpdateRequest;
import dev.stele.registry.Settings;
import dev.stele.registry.model.Requests;

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
    routes.get("/config", READS, global(READ), call -> read(call, null));
    // Resendable: an update sets the fields it names, so setting them again leaves the same
    // config and answers the same body (the update). Deletes are not: a second one answers
    // 40401 for a subject, and another previous config for the global one.
    routes.put("/config", resendableWrites("update config"), global(ADMIN),
        call -> update(call, null));
    routes.delete("/config", writes("delete config"), global(ADMIN), call -> delete(call, null));
    routes.get("/config/:subject", READS, subject(READ), call -> read(call, call.path("subject")));
    routes.put("/config/:subject", resendableWrites("update config"), subject(ADMIN),
        call -> update(call, call.path("subject")));
    routes.delete("/config/:subject", writes("delete config"), subject(ADMIN),
        call -> delete(call, call.path("subject")));
  }

  private void read(Call call, String subject) {
    call.ok(Render.config(settings.config(new Requests.GetConfig(subject, call.flag("defaultToGlobal")))));
  }

  private void update(Call call, String subject) {
    ConfigUpdateRequest request = RequestBodies.configUpdate(call.body());
    call.write(() -> settings.updateConfig(new Requests.UpdateConfig(subject, RequestBodies.config(request))),
        applied -> Render.echo(request));
  }

  private void delete(Call call, String subject) {
    call.write(() -> settings.deleteConfig(new Requests.DeleteConfig(subject)), Render::config);
  }
}
