package dev.stele.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.model.Config;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.NodeOptions;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results;
import dev.stele.registry.model.SchemaPayload;
import dev.stele.registry.model.SchemaVersion;
import dev.stele.schema.SchemaFormats;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.assertj.core.api.AbstractThrowableAssert;

/** A registry node over a {@link MemoryLog} with the real Avro format, and helpers to drive it. */
public final class Nodes {
  public static final String STRING = "\"string\"";
  public static final String USER = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";
  public static final String USER_AGE = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
      + "{\"name\":\"age\",\"type\":\"int\",\"default\":0}]}";
  public static final String USER_INT = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"name\",\"type\":\"int\"}]}";

  public final MemoryLog log;
  public final RegistryNode node;
  private final dev.stele.registry.model.KeyOptions keyOptions;

  public Nodes() {
    this(new MemoryLog());
  }

  public Nodes(MemoryLog log) {
    this(log, dev.stele.registry.model.KeyOptions.DEFAULTS);
  }

  /** A node whose DEK registry has these options (KMS drivers, max keys). */
  public Nodes(MemoryLog log, dev.stele.registry.model.KeyOptions keyOptions) {
    this.log = log;
    this.keyOptions = keyOptions;
    this.node = RegistryNode.open(log, SchemaFormats.load(), NodeOptions.DEFAULTS, keyOptions);
  }

  public Nodes restart() {
    node.close();
    return new Nodes(log.reopen(), keyOptions);
  }

  public Registry registry() {
    return node.registry();
  }

  public Settings settings() {
    return node.settings();
  }

  public Results.Registered register(String subject, String schema) {
    return await(registry().register(new Requests.Register(subject, SchemaPayload.of(schema, null), false, null, null)));
  }

  public Results.Registered register(Requests.Register request) {
    return await(registry().register(request));
  }

  /** Registers with metadata (JSON text, or null) and an explicit version (or null). */
  public Results.Registered register(String subject, String schema, String metadata, Integer version) {
    SchemaPayload payload = new SchemaPayload(schema, null, List.of(),
        metadata == null ? null : new RawJson(metadata), null);
    return register(new Requests.Register(subject, payload, false, null, version));
  }

  public void config(String scope, Config config) {
    await(settings().updateConfig(new Requests.UpdateConfig(scope, config)));
  }

  public void mode(String scope, String mode) {
    await(settings().updateMode(new Requests.UpdateMode(scope, mode, true)));
  }

  /** A version as {@code GET /subjects/{s}/versions/{v}} reads it. */
  public SchemaVersion version(String subject, String version) {
    return registry().version(new Requests.GetVersion(subject, version, false, null)).version();
  }

  public List<Integer> versions(String subject, boolean deleted) {
    return registry().versions(new Requests.ListVersions(subject, deleted, false, false, 0, -1));
  }

  public static <T> T await(CompletionStage<T> stage) {
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
  public static AbstractThrowableAssert<?, ? extends Throwable> failsWith(ErrorCode code, Runnable call) {
    return assertThatThrownBy(call::run)
        .isInstanceOf(RegistryException.class)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((RegistryException) e).code()).isEqualTo(code));
  }
}
