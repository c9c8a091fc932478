package dev.stele.http;

import static dev.stele.http.Access.SIGNED_IN;
import static dev.stele.http.Effect.READS;

import java.util.List;

/**
 * Confluent 8.x's association reads, answered as a registry without associations answers them:
 * an empty list. Stele stores no associations yet, so the list is the truth, and the 8.x
 * {@code AssociatedNameStrategy} of Confluent's clients, which asks
 * {@code /associations/resources/{namespace}/{topic}} before every first serialization of a
 * topic, falls back to the topic's name as it does on an empty answer (Confluent's Java strategy
 * fails on an error instead). Creating, changing or deleting an association is not served: those
 * requests get the JSON 404 of any unknown route, never a silent success.
 */
final class AssociationRoutes {
  void declare(RouteTable routes) {
    routes.get("/associations/resources/:namespace/:name", READS, SIGNED_IN, call -> call.ok(Render.strings(List.of())));
    routes.get("/associations/subjects/:subject", READS, SIGNED_IN, call -> call.ok(Render.strings(List.of())));
  }
}
