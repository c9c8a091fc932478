package dev.stele.registry;

import dev.stele.registry.log.RecordLog;
import dev.stele.schema.SchemaFormats;

/**
 * One registry node: its state, built by replaying a {@link RecordLog}, and the services over it.
 * Wiring only; the rules live in the services.
 */
public final class RegistryNode implements AutoCloseable {

  /** Opens the log, replays it into memory and returns a node ready to serve. */
  public static RegistryNode open(RecordLog log, SchemaFormats formats, NodeOptions options) {
    throw new UnsupportedOperationException("not built yet");
  }

  public Registry registry() {
    throw new UnsupportedOperationException("not built yet");
  }

  public Settings settings() {
    throw new UnsupportedOperationException("not built yet");
  }

  @Override
  public void close() {}
}
