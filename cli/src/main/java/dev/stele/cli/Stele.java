package dev.stele.cli;

import dev.stele.client.RestClientException;
import dev.stele.client.UnsupportedConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stele}: the command-line tool. Each subcommand returns its exit code ({@link ExitCodes}). */
@Command(name = "stele", mixinStandardHelpOptions = true, versionProvider = Stele.Version.class,
    description = "Stele's command-line tool: checks schemas locally and talks to any"
        + " Confluent-compatible schema registry (Stele, Confluent, Karapace).",
    subcommands = {CheckCommand.class, DiffCommand.class, RegisterCommand.class, GetCommand.class,
        SubjectsCommand.class, ConfigCommand.class, ModeCommand.class, DeleteCommand.class,
        ExportCommand.class, ImportCommand.class, MigrateCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done; check/diff: compatible", "1:check/diff: incompatible; migrate: verification failed",
        "2:usage: bad option, unreadable or invalid file", "3:the registry answered with an error",
        "4:the registry could not be reached", "5:internal error"})
public final class Stele {

  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /** Runs one command line with these streams (tests call this in-process). */
  public static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine line = new CommandLine(new Stele());
    line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    line.setExecutionExceptionHandler((failure, commandLine, parsed) -> {
      PrintWriter stderr = commandLine.getErr();
      int code = exitCode(failure);
      stderr.println(commandLine.getCommandName() + ": " + describe(failure));
      if (code == ExitCodes.INTERNAL) {
        failure.printStackTrace(stderr);
      }
      return code;
    });
    return line.execute(args);
  }

  static int exitCode(Throwable failure) {
    if (failure instanceof UsageException || failure instanceof IllegalArgumentException) {
      // The client's config parsing throws IllegalArgumentException naming the bad key.
      return ExitCodes.USAGE;
    }
    if (failure instanceof RestClientException || failure instanceof ImportConflictException) {
      return ExitCodes.REGISTRY_ERROR;
    }
    if (failure instanceof IOException || failure instanceof UncheckedIOException) {
      return ExitCodes.UNREACHABLE;
    }
    return ExitCodes.INTERNAL;
  }

  private static String describe(Throwable failure) {
    if (failure instanceof RestClientException e) {
      return "the registry answered HTTP " + e.status() + ": " + e.getMessage();
    }
    if (failure instanceof UnsupportedConfigException || failure instanceof UsageException
        || failure instanceof IllegalArgumentException || failure instanceof ImportConflictException) {
      return failure.getMessage();
    }
    if (failure instanceof IOException || failure instanceof UncheckedIOException) {
      return "cannot reach the registry: " + failure.getMessage();
    }
    return failure.toString();
  }

  /** The version the jar's manifest carries (a class-path run in tests has none). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Stele.class.getPackage().getImplementationVersion();
      return new String[] {"stele " + (version == null ? "(development build)" : version)};
    }
  }
}
