package dev.stele.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.schema.SchemaFormats;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.assertj.core.api.AbstractThrowableAssert;

/** A registry node over a {@link MemoryLog} with the real Avro format, and helpers to drive it. */
final class Nodes {
  static final String STRING = "\"string\"";
  static final String USER = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";
  static final String USER_AGE = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
      + "{\"name\":\"age\",\"type\":\"int\",\"default\":0}]}";
  static final String USER_INT = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"int\"}]}";

  final MemoryLog log;
  final RegistryNode node;

  Nodes() {
    this(new MemoryLog());
  }

  Nodes(MemoryLog log) {
    this.log = log;
    this.node = RegistryNode.open(log, SchemaFormats.load(), NodeOptions.DEFAULTS);
  }

  Nodes restart() {
    node.close();
    return new Nodes(log.reopen());
  }

  Registry registry() {
    return node.registry();
  }

  Settings settings() {
    return node.settings();
  }

  Results.Registered register(String subject, String schema) {
    return await(registry().register(new Requests.Register(subject, SchemaPayload.of(schema, null), false, null, null)));
  }

  Results.Registered register(Requests.Register request) {
    return await(registry().register(request));
  }

  /** Registers with metadata (JSON text, or null) and an explicit version (or null). */
  Results.Registered register(String subject, String schema, String metadata, Integer version) {
    SchemaPayload payload = new SchemaPayload(schema, null, List.of(),
        metadata == null ? null : new RawJson(metadata), null);
    return register(new Requests.Register(subject, payload, false, null, version));
  }

  void config(String scope, Config config) {
    await(settings().updateConfig(scope, config));
  }

  void mode(String scope, String mode) {
    await(settings().updateMode(scope, mode, true));
  }

  /** A version as {@code GET /subjects/{s}/versions/{v}} reads it. */
  SchemaVersion version(String subject, String version) {
    return registry().version(new Requests.GetVersion(subject, version, false, null)).version();
  }

  List<Integer> versions(String subject, boolean deleted) {
    return registry().versions(new Requests.ListVersions(subject, deleted, false, false, 0, -1));
  }

  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Asserts that the call fails with a registry error of this code. */
  static AbstractThrowableAssert<?, ? extends Throwable> failsWith(ErrorCode code, Runnable call) {
    return assertThatThrownBy(call::run)
        .isInstanceOf(RegistryException.class)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((RegistryException) e).code()).isEqualTo(code));
  }
}
