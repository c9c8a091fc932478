package dev.stele.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.log.LogException;
import dev.stele.testkit.Recorder;
import dev.stele.testkit.Records;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store Stele cannot write is found when the log opens, not at the first registration (which
 * answered 500 SQLITE_READONLY while /health/ready said ready). The tests run as root, which file
 * modes do not stop, so the file is made immutable with chattr (ext4, as on the CI machines).
 */
class StoreAccessTest {
  @TempDir Path dir;

  @Test
  void aStoreFileThatCannotBeWrittenStopsTheOpen() throws Exception {
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      log.open(new Recorder());
      log.append(List.of(Records.schema("a", 1, 1))).join();
    }
    Path file = dir.resolve(SqliteRecordLog.DB_FILE);
    chattr("+i", file);
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      assertThatThrownBy(() -> log.open(new Recorder()))
          .isInstanceOf(LogException.class)
          .hasMessageContaining("the store file " + file + " cannot be written (")
          .hasMessageContaining("give the user running Stele write access to it");
    } finally {
      chattr("-i", file);
    }
    // Writable again, it opens with what it had.
    Recorder replayed = new Recorder();
    try (SqliteRecordLog log = new SqliteRecordLog(dir)) {
      log.open(replayed);
    }
    assertThat(replayed.records()).containsExactly(Records.schema("a", 1, 1));
  }

  @Test
  void aDataDirectoryThatCannotBeMadeSaysWhy() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    try (SqliteRecordLog log = new SqliteRecordLog(notADirectory.resolve("data"))) {
      assertThatThrownBy(() -> log.open(new Recorder()))
          .isInstanceOf(LogException.class)
          .hasMessageStartingWith("cannot create data directory " + notADirectory.resolve("data"))
          .hasMessageContaining("not a directory");
    }
  }

  private static void chattr(String flag, Path file) throws Exception {
    Process p = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as("chattr %s %s: %s", flag, file, out).isZero();
  }
}
