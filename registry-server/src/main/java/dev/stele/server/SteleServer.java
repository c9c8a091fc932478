package dev.stele.server;

import dev.stele.format.avro.AvroFormat;
import dev.stele.format.jsonschema.JsonSchemaFormat;
import dev.stele.console.ConsoleAssets;
import dev.stele.http.HeapGuard;
import dev.stele.http.RestOptions;
import dev.stele.http.RestServer;
import dev.stele.http.ServerInfo;
import dev.stele.http.auth.BasicAuthenticator;
import dev.stele.http.auth.BearerAuthenticator;
import dev.stele.http.auth.Security;
import dev.stele.http.ops.Operations;
import dev.stele.registry.RegistryNode;
import dev.stele.registry.log.RecordLog;
import dev.stele.kms.KmsDrivers;
import dev.stele.registry.model.KeyOptions;
import dev.stele.registry.model.NodeOptions;
import dev.stele.schema.SchemaFormats;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wiring: store (embedded, or Kafka when {@code kafkastore.bootstrap.servers} is set) →
 * registry node → one REST server per listener. Started once,
 * closed once (by the shutdown hook), in reverse order so no request reaches a closed node.
 */
final class SteleServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SteleServer.class);
  /** Start-up and shutdown steps that hang are bugs or a wedged disk; report, don't wait forever. */
  private static final long STEP_TIMEOUT_SECONDS = 60;

  private final ServerConfig config;
  private final Store store;
  private final RegistryNode node;
  private final Vertx vertx;
  private final List<RestServer> servers;
  private final HeapGuard heap;

  private SteleServer(ServerConfig config, Store store, RegistryNode node, Vertx vertx,
      List<RestServer> servers, HeapGuard heap) {
    this.config = config;
    this.heap = heap;
    this.store = store;
    this.node = node;
    this.vertx = vertx;
    this.servers = servers;
  }

  static SteleServer start(ServerConfig config) throws StartException {
    // First: a bad users file stops the start before anything is opened.
    Security security = security(config.security());
    Path dataDir = config.dataDir().toAbsolutePath().normalize();
    Store store = Store.of(config, dataDir);
    RegistryNode node = openNode(config, store);
    Vertx vertx = Vertx.vertx();
    List<RestServer> servers = new ArrayList<>();
    // One per process: it watches the JVM's heap, which the listeners share.
    HeapGuard heap = HeapGuard.start(config.heapRefusePercent(), node::shedCaches);
    try {
      // Read once (and gzipped once) for every listener.
      ConsoleAssets console = config.uiEnabled() ? ConsoleAssets.load() : null;
      ServerInfo info = new ServerInfo(store.clusterId().get(), config.groupId(), Version.current(),
          Version.commit());
      Operations operations = Operations.create();
      operations.watch(node.leadership());
      node.onAppend(operations.appendTimer());
      operations.gauge("stele_subjects", "Subjects holding versions (soft-deleted included)",
          node::subjectCount);
      operations.gauge("stele_versions", "Versions across subjects (soft-deleted included)",
          node::versionCount);
      operations.gauge("stele_schemas", "Schemas (distinct ids) still readable by id",
          node::schemaCount);
      operations.gauge("stele_log_offset", "Offset of the last log record applied",
          node::lastOffset);
      operations.gauge("stele_log_lag_records",
          "Records durable in the log that this node has not applied yet (0 on the embedded store)",
          store.log()::lag);
      for (Listener listener : config.listeners()) {
        RestOptions options = config.limits().applyTo(new RestOptions(listener.host(),
            listener.port(), config.maxRequestBytes(), config.idleTimeoutSeconds()));
        RestServer.Setup setup = RestServer.Setup.of(node.registry(), node.settings())
            .withKeys(node.keys())
            .withViews(node.views())
            .withOptions(options).withInfo(info).withLeadership(node.leadership())
            .withOperations(operations).withHeapGuard(heap).withCors(config.cors())
            .withConsole(console)
            .withAssociations(config.associationsEnabled())
            .withSecurity(listener.scheme().equals("https")
                ? security.withTls(config.security().tls()) : security);
        servers.add(await(RestServer.start(vertx, setup), "listen on " + listener.url()));
      }
      if (store.elector().isPresent()) {
        // Once listening, so that peers can forward to this node as soon as it is elected.
        node.joinElection(store.elector().get(), Advertised.identity(config, servers.get(0).port()),
            config.cluster().leaderWait());
        awaitFirstElection(config, node);
      }
    } catch (StartException | RuntimeException e) {
      new SteleServer(config, store, node, vertx, servers, heap).close();
      throw e;
    }
    return new SteleServer(config, store, node, vertx, List.copyOf(servers), heap);
  }

  /**
   * Like the Confluent registry, which serves only after its first group assignment: the start
   * completes once the election has a result (and, on the elected node, its writer runs), so the
   * started line means writes can be taken. Writes that arrive before (peers forward as soon as
   * they see this node) wait for it; see {@code HeldWrite}. Bounded by
   * {@code kafkastore.init.timeout.ms}, as Confluent's wait for its first assignment is.
   */
  private static void awaitFirstElection(ServerConfig config, RegistryNode node)
      throws StartException {
    long limit = config.kafkaStore().initTimeout().toMillis();
    long started = System.nanoTime();
    while (!node.leadership().ready()) {
      if (System.nanoTime() - started > limit * 1_000_000) {
        throw new StartException("no leader election result from the group '" + config.groupId()
            + "' within " + limit + " ms (kafkastore.init.timeout.ms): can this node reach the"
            + " group coordinator, and may it join the group (Read on the group)?", null);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StartException("interrupted while waiting for the leader election", e);
      }
    }
    LOG.info("Election result known after {} ms: {}", (System.nanoTime() - started) / 1_000_000,
        node.leadership().leads() ? "this node leads" : "the leader is "
            + node.leadership().leader().map(l -> l.url()).orElse("not known (no eligible node)"));
  }

  /** Reads the users file (it is read again whenever it changes); NONE when security is off. */
  private static Security security(SecuritySettings settings) throws StartException {
    if (!settings.enabled()) {
      return Security.NONE;
    }
    try {
      Security security = Security.basic(BasicAuthenticator.open(settings.usersFile()),
          settings.realm(), settings.openPaths());
      return settings.bearer() == null ? security : withBearer(security, settings.bearer());
    } catch (IOException e) {
      throw new StartException("cannot read the users file " + settings.usersFile() + ": " + e, e);
    } catch (IllegalArgumentException e) {
      throw new StartException("bad users file " + e.getMessage(), new IOException(e));
    }
  }

  private static Security withBearer(Security security, BearerAuthenticator.Settings bearer)
      throws StartException {
    try {
      return security.withBearer(BearerAuthenticator.open(bearer));
    } catch (IOException | IllegalArgumentException e) {
      Object source = bearer.publicKeyFile() != null ? bearer.publicKeyFile() : bearer.jwksUrl();
      throw new StartException("cannot use the token keys of " + source + ": " + e.getMessage(), e);
    }
  }

  private static RegistryNode openNode(ServerConfig config, Store store) throws StartException {
    try {
      int comparisons = config.compatibilityMaxComparisons();
      SchemaFormats formats = SchemaFormats.load()
          .with(new AvroFormat(config.avroValidateDefaults(), comparisons))
          .with(new JsonSchemaFormat(comparisons));
      NodeOptions options = new NodeOptions(config.compatibilityLevel(), config.schemaLimits(),
          config.compatibilityCheckTimeout(), config.validateNewSchemas(), config.validateFields());
      // The KMS drivers on the class path (kms-local's local-kms) wrap shared KEKs' DEKs.
      KeyOptions keys = new KeyOptions(config.dek().maxKeys(), KmsDrivers.loaded());
      // On a shared log a node writes only while elected leader.
      return store.elector().isPresent() ? RegistryNode.openMember(store.log(), formats, options, keys)
          : RegistryNode.open(store.log(), formats, options, keys);
    } catch (RuntimeException e) {
      store.log().close();
      throw new StartException("cannot open the " + store.description() + ": " + e.getMessage(), e);
    }
  }

  /** The one line an operator looks for: version, where it listens, where the data is. */
  String startedLine() {
    String urls = config.listeners().stream().map(Listener::url).collect(Collectors.joining(", "));
    int subjects = node.subjectCount();
    String security = !config.security().enabled() ? ""
        : (config.security().bearer() != null ? "; bearer tokens and Basic authentication"
            : "; Basic authentication") + ", users from " + config.security().usersFile();
    return "Stele " + Version.current() + " listening on " + urls + " (" + store.description()
        + ", " + subjects + (subjects == 1 ? " subject" : " subjects") + security + ")";
  }

  /** Stops accepting requests, lets the node finish and closes the store. Never throws. */
  @Override
  public void close() {
    // A leader first lets another node take over while it still listens, so that writes sent
    // to it meanwhile are forwarded to the next leader instead of failing.
    quietly("hand leadership over",
        () -> node.handOver(Duration.ofMillis(config.shutdownTimeoutMillis() / 2)));
    // Then the drain (DrainGate): still listening, every answer closes its connection, so that
    // clients learn to go elsewhere from an answer rather than from a closed connection; a node
    // that no longer leads still serves writes (forwarded), every node serves reads. Then all
    // listeners at once stop accepting and close idle connections, each waiting for its
    // requests in flight (forwarded and held writes included) up to the shutdown timeout. Only
    // then do the node and the store close: every write answered 200 was in the log by then.
    servers.forEach(RestServer::drain);
    if (!servers.isEmpty() && config.shutdownDrainMillis() > 0) {
      LOG.info("Draining for {} ms (stele.shutdown.drain.ms), then no new connections",
          config.shutdownDrainMillis());
      quietly("drain", () -> Thread.sleep(config.shutdownDrainMillis()));
    }
    List<Future<Void>> stopping = servers.stream()
        .map(server -> server.shutdown(config.shutdownTimeoutMillis())).toList();
    for (Future<Void> stop : stopping) {
      quietly("stop listening", () -> await(stop, "stop listening"));
    }
    quietly("stop Vert.x", () -> await(vertx.close(), "stop Vert.x"));
    heap.close();
    quietly("close the registry node", node::close);
    // The node may or may not close the log it was given; closing twice is harmless.
    quietly("close the store", store.log()::close);
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void quietly(String what, Step step) {
    try {
      step.run();
    } catch (Exception e) {
      LOG.warn("Could not {} cleanly: {}", what, e.toString());
    }
  }

  private static <T> T await(Future<T> future, String what) throws StartException {
    try {
      return future.toCompletionStage().toCompletableFuture()
          .get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String reason = cause.getMessage() != null ? cause.getMessage() : cause.toString();
      throw new StartException("cannot " + what + ": " + reason, cause);
    } catch (TimeoutException e) {
      throw new StartException("cannot " + what + ": no answer in " + STEP_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartException("interrupted while trying to " + what, e);
    }
  }
}
