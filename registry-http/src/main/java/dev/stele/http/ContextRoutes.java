package dev.stele.http;

import static dev.stele.http.Access.SIGNED_IN;
import static dev.stele.http.Effect.READS;

import dev.stele.registry.Registry;

/** {@code /contexts}: the contexts that hold subjects, the default one first. */
final class ContextRoutes {
  private final Registry registry;

  ContextRoutes(Registry registry) {
    this.registry = registry;
  }

  void declare(RouteTable routes) {
    routes.get("/contexts", READS, SIGNED_IN, call -> call.ok(Render.strings(registry.contexts())));
  }
}
