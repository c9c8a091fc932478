package dev.stele.store.embedded;

import dev.stele.registry.log.PendingAppend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The one table of the embedded log, rows in log order holding the exact {@code _schemas} key
 * and value bytes, so {@code sqlite3 stele.db "select offset, key, value from records"} shows
 * the same JSON a Kafka topic would hold. Not thread-safe: used by open, then by the committer.
 */
final class RecordTable implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RecordTable.class);

  private static final String CREATE = "CREATE TABLE IF NOT EXISTS records ("
      + "offset INTEGER PRIMARY KEY, key BLOB NOT NULL, value BLOB, ts INTEGER NOT NULL)";
  private static final String SELECT = "SELECT offset, key, value, ts FROM records ORDER BY offset";
  private static final String INSERT =
      "INSERT INTO records (offset, key, value, ts) VALUES (?, ?, ?, ?)";

  /** Receives one stored row. */
  @FunctionalInterface
  interface RowHandler {
    void row(long offset, byte[] key, byte[] value, long timestamp);
  }

  private final Path file;
  private final Connection connection;
  private PreparedStatement insert;

  private RecordTable(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens or creates the file. WAL lets a commit be one sequential append to the journal;
   * synchronous=FULL fsyncs it on every commit, which is what makes an acknowledged append
   * survive a crash or power loss.
   */
  static RecordTable open(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    Connection connection = config.createConnection("jdbc:sqlite:" + file);
    try (Statement st = connection.createStatement()) {
      st.execute(CREATE);
      try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
        String mode = rs.next() ? rs.getString(1) : "?";
        if (!"wal".equalsIgnoreCase(mode)) {
          LOG.warn("{} runs in journal mode {} instead of WAL (a file system without shared "
              + "memory?); appends stay durable but are slower", file, mode);
        }
      }
      // SQLite opens a file it may not write read-only, silently, and even takes the write lock:
      // write once now (a table made and rolled back, which leaves nothing), so a read-only store
      // stops the start instead of failing the first registration.
      try {
        st.execute("BEGIN IMMEDIATE");
        try {
          st.execute("CREATE TABLE stele_write_probe (x INTEGER)");
        } finally {
          st.execute("ROLLBACK");
        }
      } catch (SQLException e) {
        throw new SQLException("the store file " + file + " cannot be written (" + e.getMessage()
            + "); give the user running Stele write access to it and to its directory", e);
      }
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return new RecordTable(file, connection);
  }

  Path file() {
    return file;
  }

  /** Hands every row to {@code handler} in log order; returns the offset the next row gets. */
  long replay(RowHandler handler) throws SQLException {
    long next = 0;
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(SELECT)) {
      while (rs.next()) {
        long offset = rs.getLong(1);
        handler.row(offset, rs.getBytes(2), rs.getBytes(3), rs.getLong(4));
        next = offset + 1;
      }
    }
    return next;
  }

  /** The offset the next row gets, read from the file itself. */
  long nextOffset() throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(offset) + 1, 0) FROM records")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Writes every record of {@code batch} from {@code firstOffset} on, in one transaction; either
   * all of it is durable when this returns or none of it is stored.
   */
  void insert(long firstOffset, long timestamp, List<PendingAppend> batch) throws SQLException {
    if (insert == null) {
      connection.setAutoCommit(false);
      insert = connection.prepareStatement(INSERT);
    }
    try {
      long offset = firstOffset;
      for (PendingAppend append : batch) {
        for (int i = 0; i < append.size(); i++) {
          insert.setLong(1, offset++);
          insert.setBytes(2, append.keys().get(i));
          if (append.values().get(i) == null) {
            insert.setNull(3, Types.BLOB);
          } else {
            insert.setBytes(3, append.values().get(i));
          }
          insert.setLong(4, timestamp);
          insert.addBatch();
        }
      }
      insert.executeBatch();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        insert.clearBatch();
        connection.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      if (insert != null) {
        insert.close();
      }
      connection.close(); // the last connection checkpoints the WAL into the file
    } catch (SQLException e) {
      LOG.warn("closing {} failed: {}", file, e.getMessage());
    }
  }
}
