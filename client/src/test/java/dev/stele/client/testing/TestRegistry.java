package dev.stele.client.testing;

import dev.stele.http.RestServer;
import dev.stele.http.ServerInfo;
import dev.stele.http.auth.Security;
import dev.stele.registry.RegistryNode;
import dev.stele.registry.model.KeyOptions;
import dev.stele.registry.model.NodeOptions;
import dev.stele.schema.SchemaFormats;
import dev.stele.testkit.InMemoryRecordLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * A real Stele server in-process for client and serde tests: the REST routes over a registry
 * node with the in-memory log and every format on the class path, on a free loopback port.
 */
public final class TestRegistry implements AutoCloseable {
  private final Vertx vertx;
  private final RegistryNode node;
  private final RestServer server;

  private TestRegistry(Vertx vertx, RegistryNode node, RestServer server) {
    this.vertx = vertx;
    this.node = node;
    this.server = server;
  }

  public static TestRegistry start() throws Exception {
    return start(Security.NONE, KeyOptions.DEFAULTS);
  }

  /** With authentication and authorization, e.g. bearer tokens checked against an issuer's keys. */
  public static TestRegistry start(Security security) throws Exception {
    return start(security, KeyOptions.DEFAULTS);
  }

  /** With these DEK registry options, e.g. KMS drivers for shared KEKs. */
  public static TestRegistry start(KeyOptions keys) throws Exception {
    return start(Security.NONE, keys);
  }

  private static TestRegistry start(Security security, KeyOptions keys) throws Exception {
    Vertx vertx = Vertx.vertx();
    RegistryNode node = RegistryNode.open(new InMemoryRecordLog(), SchemaFormats.load(), NodeOptions.DEFAULTS,
        keys);
    RestServer server = await(RestServer.start(vertx,
        RestServer.Setup.of(node.registry(), node.settings(), node.keys())
            .withInfo(new ServerInfo("test-cluster", "schema-registry", "0.1.0", "test"))
            .withSecurity(security)));
    return new TestRegistry(vertx, node, server);
  }

  public int port() {
    return server.port();
  }

  public String url() {
    return "http://127.0.0.1:" + server.port();
  }

  /**
   * A loopback URL nothing listens on, for an unreachable registry: the port was free a moment
   * ago, and nothing in these tests binds ports other than through the OS's choice.
   */
  public static String deadUrl() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws Exception {
    await(server.close());
    node.close();
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
