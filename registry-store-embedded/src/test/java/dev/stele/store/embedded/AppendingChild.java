package dev.stele.store.embedded;

import dev.stele.registry.log.RegistryRecord;
import dev.stele.registry.log.RegistryRecord.ModeRecord;
import dev.stele.registry.model.Mode;
import dev.stele.testkit.Records;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link SqliteRecordLogCrashTest} kills: appends from several threads, forever, and
 * prints {@code ACK <offset> <subject>} for each append once it is acknowledged. Each append is
 * two records (a schema and a mode for the same subject), acknowledged with the second's offset.
 */
public final class AppendingChild {
  private AppendingChild() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    PrintStream out = System.out;
    SqliteRecordLog log = new SqliteRecordLog(dir);
    log.open((record, offset, ts) -> {});
    out.println("READY");
    out.flush();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      new Thread(() -> {
        for (int i = 0; ; i++) {
          String subject = "t" + thread + "-" + i;
          List<RegistryRecord> records =
              List.of(Records.schema(subject, 1, i + 1), new ModeRecord(subject, Mode.READONLY));
          long offset = log.append(records).join();
          synchronized (out) {
            out.println("ACK " + offset + " " + subject);
            out.flush();
          }
        }
      }, "appender-" + t).start();
    }
  }
}
