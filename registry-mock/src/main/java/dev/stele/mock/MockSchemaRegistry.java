package dev.stele.mock;

import dev.stele.client.MockRegistries;
import dev.stele.http.RestServer;
import dev.stele.http.ServerInfo;
import dev.stele.registry.RegistryNode;
import dev.stele.registry.model.NodeOptions;
import dev.stele.schema.SchemaFormats;
import dev.stele.store.embedded.SqliteRecordLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The registries behind {@code schema.registry.url=mock://SCOPE}: one per scope, started on first
 * use and shared by every client and serde in the JVM that names the scope, like Confluent's
 * {@code MockSchemaRegistry}. Each is a real Stele (the REST routes over a registry node) on a
 * loopback port with an embedded store in a temporary directory, so what a test sees is what a
 * deployed registry answers, compatibility checks and error codes included; the price is a
 * fraction of a second to start a scope. {@link #dropScope} forgets a scope (its schemas and ids
 * go); tests usually call it after each test.
 */
public final class MockSchemaRegistry {
  private static final Map<String, Scope> SCOPES = new ConcurrentHashMap<>();
  private static final long STEP_SECONDS = 30;

  private MockSchemaRegistry() {}

  /** The scope's registry URL, starting it if needed. */
  public static URI url(String scope) {
    return SCOPES.computeIfAbsent(scope, Scope::start).url();
  }

  /** Stops the scope's registry and deletes its schemas; the next use starts an empty one. */
  public static void dropScope(String scope) {
    Scope dropped = SCOPES.remove(scope);
    if (dropped != null) {
      dropped.close();
    }
  }

  /** Drops every scope. */
  public static void clear() {
    List.copyOf(SCOPES.keySet()).forEach(MockSchemaRegistry::dropScope);
  }

  /** Found by the client through {@link java.util.ServiceLoader}. */
  public static final class Provider implements MockRegistries {
    @Override
    public URI url(String scope) {
      return MockSchemaRegistry.url(scope);
    }
  }

  private record Scope(Path dir, Vertx vertx, RegistryNode node, RestServer server) {
    static Scope start(String name) {
      if (name.isEmpty()) {
        throw new IllegalArgumentException("a mock:// URL needs a scope name, e.g. mock://orders-test");
      }
      Path dir = null;
      Vertx vertx = null;
      RegistryNode node = null;
      try {
        dir = Files.createTempDirectory("stele-mock-");
        node = RegistryNode.open(new SqliteRecordLog(dir), SchemaFormats.load(), NodeOptions.DEFAULTS);
        vertx = Vertx.vertx();
        RestServer server = await(RestServer.start(vertx, RestServer.Setup.of(node.registry(), node.settings(),
            node.keys()).withInfo(new ServerInfo("mock-" + name, "mock", "mock", "mock"))));
        return new Scope(dir, vertx, node, server);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the mock registry for scope " + name, e);
      } catch (RuntimeException e) {
        new Scope(dir, vertx, node, null).close();
        throw e;
      }
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.port());
    }

    void close() {
      if (server != null) {
        await(server.close());
      }
      if (node != null) {
        node.close();
      }
      if (vertx != null) {
        await(vertx.close());
      }
      if (dir != null) {
        delete(dir);
      }
    }

    private static void delete(Path dir) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // A temporary directory left behind is not worth failing a test for.
      }
    }

    private static <T> T await(Future<T> future) {
      try {
        return future.toCompletionStage().toCompletableFuture().get(STEP_SECONDS, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("the mock registry did not start or stop in " + STEP_SECONDS + " s", e);
      }
    }
  }
}
