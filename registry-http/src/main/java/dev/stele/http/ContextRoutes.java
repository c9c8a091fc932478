package dev.stele.http;

import dev.stele.registry.Registry;

/** {@code /contexts}: the contexts that hold subjects, the default one first. */
final class ContextRoutes {
  private final Registry registry;

  ContextRoutes(Registry registry) {
    this.registry = registry;
  }

  void declare(RouteTable routes) {
    routes.get("/contexts", call -> call.ok(Render.strings(registry.contexts())));
  }
}
