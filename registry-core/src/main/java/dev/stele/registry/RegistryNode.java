package dev.stele.registry;

import dev.stele.registry.log.RecordLog;
import dev.stele.registry.state.RegistryState;
import dev.stele.schema.SchemaFormats;
import java.time.Duration;

/**
 * One registry node: its state, built by replaying a {@link RecordLog}, and the services over it.
 * Wiring only; the rules live in the services.
 */
public final class RegistryNode implements AutoCloseable {
  /** How long a write may wait for the log before the client is told it may or may not have landed. */
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

  private final RecordLog log;
  private final RegistryState state;
  private final Writer writer;
  private final Registry registry;
  private final Settings settings;
  private final HistoryWarmer warmer;

  private RegistryNode(RecordLog log, RegistryState state, SchemaFormats formats, NodeOptions options) {
    this.log = log;
    this.state = state;
    SchemaParser parser = new SchemaParser(formats);
    this.writer = new Writer(log, state, WRITE_TIMEOUT);
    this.registry = new RegistryService(state, writer, parser, options);
    this.settings = new SettingsService(state, writer, options);
    this.warmer = HistoryWarmer.start(state, parser, options);
  }

  /** Opens the log, replays it into memory and returns a node ready to serve. */
  public static RegistryNode open(RecordLog log, SchemaFormats formats, NodeOptions options) {
    RegistryState state = new RegistryState();
    log.open(state);
    return new RegistryNode(log, state, formats, options);
  }

  public Registry registry() {
    return registry;
  }

  public Settings settings() {
    return settings;
  }

  /** How many subjects hold versions (soft-deleted included): for the start-up line and metrics. */
  public int subjectCount() {
    return state.subjects().size();
  }

  @Override
  public void close() {
    warmer.stop();
    writer.close();
    log.close();
  }
}
