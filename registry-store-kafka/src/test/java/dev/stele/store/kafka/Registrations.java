package dev.stele.store.kafka;

import dev.stele.registry.RegistryNode;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.SchemaPayload;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Registering through a node's registry, as the REST routes do, for the cluster tests. */
final class Registrations {
  private Registrations() {}

  /** Registers {@code schema} under {@code subject}; returns its id. */
  static int register(RegistryNode node, String subject, String schema) throws Exception {
    return node.registry().register(new Requests.Register(subject, SchemaPayload.of(schema, null),
        false, null, null)).toCompletableFuture().get(60, TimeUnit.SECONDS).id();
  }

  /** The failure of a registration that must fail; an error if it succeeds. */
  static RegistryException registerFailure(RegistryNode node, String subject, String schema)
      throws Exception {
    try {
      register(node, subject, schema);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RegistryException failure) {
        return failure;
      }
      throw e;
    }
    throw new AssertionError("the write to " + subject + " succeeded");
  }
}
