package dev.stele.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The load generator: {@code java -jar stele-bench.jar MODE [--option value]...}. Every mode
 * prints what it measured; see docs/benchmarks.md for what each number means.
 */
public final class LoadMain {
  private LoadMain() {}

  public static void main(String[] argv) {
    if (argv.length == 0) {
      usage();
      System.exit(2);
    }
    Args args = new Args(Arrays.copyOfRange(argv, 1, argv.length));
    Http http = new Http(args.string("url", "http://127.0.0.1:8081"));
    String run = args.string("run", Long.toString(System.currentTimeMillis() % 100_000_000L, 36));
    boolean clean;
    try (http) {
      clean = switch (argv[0]) {
        case "register" -> RegisterLoad.run(http, run, args);
        case "transitive" -> TransitiveLoad.run(http, run, args);
        case "populate" -> PopulateLoad.run(http, run, args);
        case "reads" -> ReadLoad.run(http, args);
        case "hostile" -> HostileLoad.run(http, run, args);
        case "hostile-alloc" -> HostileAllocation.run(http, run, args);
        case "console" -> ConsolePaint.run(http, args);
        case "rolling" -> rolling(run, args);
        default -> {
          usage();
          yield false;
        }
      };
    }
    System.exit(clean ? 0 : 1);
  }

  private static void usage() {
    System.err.println(String.join("\n",
        "usage: java -jar stele-bench.jar MODE --url http://127.0.0.1:PORT [options]",
        "  register   --schemas 10000 --warmup 5000 --clients 16,64 --subjects distinct,one",
        "  transitive --versions 1000 --subjects 3 --additions 5",
        "  populate   --schemas 100000 --clients 16 --bytes 1024",
        "  reads      --requests 200000 --clients 16   (random ids below the server's max id)",
        "  hostile    --seconds 30 --readers 64   (reads and registrations beside a hostile stream)",
        "  hostile-alloc --pid PID --rounds 7   (server-side bytes allocated per hostile request)",
        "  console    --runs 5 --query TEXT   (the web console's subjects page in headless Chromium)",
        "  rolling    --urls U1,U2,U3 --writers 4 --readers 4 --seeds 20 --started-file F"
            + " --stop-file F   (bench/rolling.sh's clients)",
        "  every mode: --max-seconds N bounds each timed phase; --run TAG names its subjects"));
  }

  private static boolean rolling(String run, Args args) {
    try {
      return RollingClients.run(run, args);
    } catch (java.io.IOException e) {
      System.out.println("rolling: " + e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
