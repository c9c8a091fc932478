package dev.stele.http;

import static dev.stele.http.Access.SIGNED_IN;
import static dev.stele.http.Access.global;
import static dev.stele.http.Effect.READS;
import static dev.stele.http.Effect.writes;
import static dev.stele.http.auth.Operation.ADMIN;

import dev.stele.registry.Registry;
import dev.stele.registry.model.Requests;

/**
 * {@code /contexts}: the contexts that hold subjects, the default one first, and the deletion of
 * an empty one. {@code /contexts/{ctx}/...} URLs are rewritten by {@link ContextUrls} before
 * routing; {@code /contexts/{ctx}} itself names the context.
 */
final class ContextRoutes {
  private final Registry registry;

  ContextRoutes(Registry registry) {
    this.registry = registry;
  }

  void declare(RouteTable routes) {
    routes.get("/contexts", READS, SIGNED_IN, call -> call.ok(Render.strings(registry.contexts(
        new Requests.ListContexts(call.text("contextPrefix"), call.integer("offset", 0),
            call.integer("limit", -1))))));
    // Deleting a context is an administrator's act on the whole registry, as a global config is.
    routes.delete("/contexts/:context", writes("delete context"), global(ADMIN), call -> {
      String context = call.path("context");
      if (context.contains(":")) {
        throw EdgeError.BAD_REQUEST.exception("Context name cannot contain a colon");
      }
      call.writeNoContent(() -> registry.deleteContext(new Requests.DeleteContext(context)));
    });
  }
}
