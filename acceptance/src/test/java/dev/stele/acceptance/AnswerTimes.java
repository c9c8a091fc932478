package dev.stele.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The slowest answer of each group of a run, for the printed report and a file in target/: what
 * the hostile-input tests measured beside their ceilings (docs/benchmarks.md quotes them).
 */
final class AnswerTimes {
  private record Worst(String name, long millis, int count) {}

  private final Map<String, Worst> worst = new TreeMap<>();

  synchronized void record(String group, String name, long millis) {
    Worst before = worst.get(group);
    int count = before == null ? 1 : before.count() + 1;
    worst.put(group, before == null || millis > before.millis()
        ? new Worst(name, millis, count) : new Worst(before.name(), before.millis(), count));
  }

  /** One line per group: its slowest answer, which case it was, and how many were timed. */
  synchronized String report(Ceiling ceiling) {
    StringBuilder text = new StringBuilder();
    worst.forEach((group, w) -> text.append(String.format("%-12s worst %5d ms of %4d answers"
        + " (%s); ceiling %d ms%n", group, w.millis(), w.count(), w.name(), ceiling.millis())));
    return text.toString();
  }

  /** Prints the report and writes it to {@code file} in the reports directory. */
  void publish(String title, String file, Ceiling ceiling) {
    String text = title + "\n" + report(ceiling);
    System.out.print(text);
    try {
      Path reports = Files.createDirectories(Dirs.reports());
      Files.writeString(reports.resolve(file), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
