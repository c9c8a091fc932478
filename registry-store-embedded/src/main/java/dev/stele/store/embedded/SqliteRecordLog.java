package dev.stele.store.embedded;

import dev.stele.registry.log.AppendQueue;
import dev.stele.registry.log.BatchWriter;
import dev.stele.registry.log.LogException;
import dev.stele.registry.log.PendingAppend;
import dev.stele.registry.log.RecordCodec;
import dev.stele.registry.log.RecordFormatException;
import dev.stele.registry.log.RecordLog;
import dev.stele.registry.log.RecordSink;
import dev.stele.registry.log.RegistryRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link RecordLog}: {@code <dataDir>/stele.db}, a SQLite file with one table of
 * {@code _schemas} records, written by one process at a time ({@code <dataDir>/stele.lock}).
 * Appends go through the core's pipeline ({@link AppendQueue}, {@link BatchWriter}) to a
 * {@link GroupCommitter}, which group-commits them; reads never touch this class, they are
 * served from the state the sink builds.
 */
public final class SqliteRecordLog implements RecordLog {
  public static final String DB_FILE = "stele.db";

  private static final Logger LOG = LoggerFactory.getLogger(SqliteRecordLog.class);

  private final Path dataDir;
  private volatile AppendQueue queue = AppendQueue.refusing("the log is not open");
  private DataDirLock lock;
  private RecordTable table;
  private volatile GroupCommitter committer;
  private Thread committerThread;
  private boolean opened;
  private boolean closed;

  public SqliteRecordLog(Path dataDir) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
  }

  @Override
  public synchronized void open(RecordSink sink) {
    Objects.requireNonNull(sink, "sink");
    if (opened || closed) {
      throw new IllegalStateException("a log is opened once");
    }
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new LogException("cannot create data directory " + dataDir + ": " + reason(e), e);
    }
    lock = DataDirLock.acquire(dataDir);
    Path file = dataDir.resolve(DB_FILE);
    try {
      table = RecordTable.open(file);
      long next = table.replay((offset, key, value, ts) -> replayRow(sink, offset, key, value, ts));
      committer = new GroupCommitter(table, sink, next);
    } catch (SQLException | RuntimeException e) {
      release();
      throw e instanceof LogException le ? le
          : new LogException("cannot open the log in " + file + ": " + e.getMessage(), e);
    }
    AppendQueue live = new AppendQueue();
    committerThread = BatchWriter.start(live, committer, file.toString(), "stele-log-committer");
    queue = live;
    opened = true;
  }

  /** What went wrong with a path, in words ("permission denied", "not a directory"). */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied to the user running Stele (" + System.getProperty("user.name") + ")";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(java.util.Locale.ROOT) + " (" + fs.getFile() + ")";
    }
    return e.toString();
  }

  /** Like Confluent's reader: a record we cannot read is logged and skipped, not fatal. */
  private static void replayRow(RecordSink sink, long offset, byte[] key, byte[] value, long ts) {
    Optional<RegistryRecord> record;
    try {
      record = RecordCodec.decode(key, value);
    } catch (RecordFormatException e) {
      LOG.warn("skipping unreadable record at offset {}: {}", offset, e.getMessage());
      return;
    }
    if (record.isEmpty()) {
      LOG.debug("skipping record of a key type this registry does not use at offset {}", offset);
      return;
    }
    GroupCommitter.deliver(sink, record.get(), offset, ts);
  }

  @Override
  public CompletableFuture<Long> append(List<RegistryRecord> records) {
    return queue.append(records);
  }

  /** Transactions committed since open; tests use it to see appends sharing a commit. */
  public long commitCount() {
    GroupCommitter c = committer;
    return c == null ? 0 : c.commits();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (opened) {
      PendingAppend.failAll(queue.close("the log is closed"),
          new LogException("the log was closed before these records were stored"));
    }
    if (committerThread != null && committerThread != Thread.currentThread()) {
      joinCommitter(); // it finishes the transaction in flight, which is already on its way
    }
    release();
  }

  private void joinCommitter() {
    boolean interrupted = false;
    while (committerThread.isAlive()) {
      try {
        committerThread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void release() {
    if (table != null) {
      table.close();
    }
    if (lock != null) {
      lock.close();
    }
  }
}
