package dev.stele.server;

import dev.stele.registry.log.LogException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/stele-start [FILE]}: reads the config (the file, or without one the environment's
 * {@code SCHEMA_REGISTRY_*} and {@code STELE_*} variables), starts the server and stops it cleanly
 * on SIGTERM. A config or start-up problem ends the process with status 1 and one line saying why,
 * which is what an operator (or systemd's journal) shows.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      System.out.println(versionLine());
      return;
    }
    if (args.length > 1 || args.length == 1 && args[0].startsWith("-")) {
      System.err.println("usage: stele-start [FILE.properties]   (without a file: settings from"
          + " SCHEMA_REGISTRY_* and STELE_* environment variables)");
      System.exit(2);
    }
    // The config first, without logging: the log format it names must be known before the
    // first logger exists (logback reads its configuration once, then).
    ServerConfig config;
    EnvironmentSettings environment;
    try {
      environment = EnvironmentSettings.of(System.getenv());
      config = args.length == 1 ? ServerConfig.load(Path.of(args[0])) : environment.parse();
      LogFormat.choose(config.logFormat(), System.getProperty(LogFormat.KEY),
          System.getenv(LogFormat.ENV)).install();
    } catch (ConfigException e) {
      System.err.println("stele: bad configuration: " + e.getMessage());
      System.exit(1);
      return;
    }
    // Before the first logger: route Vert.x's own logging to SLF4J like everything else.
    System.setProperty("vertx.logger-delegate-factory-class-name",
        System.getProperty("vertx.logger-delegate-factory-class-name",
            "io.vertx.core.logging.SLF4JLogDelegateFactory"));
    Logger log = LoggerFactory.getLogger(Main.class);
    FatalErrors.install();
    warnAboutKeys(log, config);
    reportEnvironment(log, environment, args.length == 1);
    Lifecycle lifecycle = Lifecycle.install(log, config.shutdownTimeoutMillis());
    SteleServer server;
    try (StartHeap growth = StartHeap.grow()) {
      server = SteleServer.start(config);
    } catch (StartException | RuntimeException e) {
      if (lifecycle.stopping()) {
        // SIGTERM interrupted the start, which closed what it had opened; the hook exits.
        log.info("Stele stopped while starting ({})", e.getMessage());
        lifecycle.startEnded();
        return;
      }
      lifecycle.startEnded();
      if (e instanceof StartException) {
        log.error("Stele did not start: {}", e.getMessage());
        if (!(e.getCause() instanceof IOException || e.getCause() instanceof LogException)) {
          // Not an operator's problem (a taken port, a locked directory) but a bug: keep the trace.
          log.error("Cause", e.getCause());
        }
      } else {
        log.error("Stele did not start: a bug, please report it", e);
      }
      System.exit(1);
      return;
    }
    lifecycle.started(server);
    log.info(server.startedLine());
  }

  /** What {@code stele-start --version} prints: {@code Stele 0.1.0 (commit 1a2b3c4)}. */
  static String versionLine() {
    return "Stele " + Version.current() + " (commit " + Version.commit() + ")";
  }

  private static void reportEnvironment(Logger log, EnvironmentSettings environment, boolean file) {
    // STELE_LOG_FORMAT is honoured either way (LogFormat.choose).
    List<String> unread = environment.variables().values().stream()
        .filter(variable -> !variable.equals(LogFormat.ENV)).sorted().toList();
    if (file && !unread.isEmpty()) {
      // A file is the whole configuration, as in Confluent's schema-registry-start: say so, or
      // an operator would wonder why STELE_DATA_DIR in the unit's environment changed nothing.
      log.warn("Ignoring settings in the environment because a config file was given: {}",
          String.join(", ", unread));
    } else if (!file) {
      log.info(environment.variables().isEmpty()
          ? "No config file and no SCHEMA_REGISTRY_* or STELE_* settings: the defaults apply"
          : "Settings from the environment: "
              + String.join(", ", environment.variables().values().stream().sorted().toList()));
    }
    if (!environment.skipped().isEmpty()) {
      log.info("Not settings (Confluent's start-script options, Kubernetes service links): {}",
          String.join(", ", environment.skipped()));
    }
  }

  private static void warnAboutKeys(Logger log, ServerConfig config) {
    if (!config.ignoredKeys().isEmpty()) {
      log.warn("Ignoring Confluent settings that Stele does not use (yet): {}",
          String.join(", ", config.ignoredKeys()));
    }
    if (!config.unknownKeys().isEmpty()) {
      log.warn("Ignoring unknown settings (misspelt?): {}", String.join(", ", config.unknownKeys()));
    }
  }
}
