package dev.stele.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * A real {@code mvn} build of one sample project under {@code src/it}, run with Maven's invoker on
 * a fresh copy of the project. Its local repository is the one maven-invoker-plugin:install filled
 * with this plugin and its dependencies (target/it-repo); anything else it needs is read from the
 * outer build's own local repository through a file mirror, so the builds reach no network.
 */
final class SampleBuild {
  private static final AtomicInteger RUNS = new AtomicInteger();

  private SampleBuild() {}

  /** What the build printed and how it ended; a failure message quotes the whole log. */
  record Result(int exitCode, String log, Path project) {
    boolean succeeded() {
      return exitCode == 0;
    }

    @Override
    public String toString() {
      return "mvn in " + project + " exited " + exitCode + "\n" + log;
    }
  }

  static Result run(String sample, String goal, Map<String, String> properties) {
    Path project = copy(sample);
    StringBuilder log = new StringBuilder();
    InvocationRequest request = new DefaultInvocationRequest()
        .setBaseDirectory(project.toFile())
        .setPomFile(project.resolve("pom.xml").toFile())
        .setGoals(List.of(goal))
        .setBatchMode(true)
        .setUserSettingsFile(settings().toFile())
        .setLocalRepositoryDirectory(new File(required("stele.it.repo")))
        // A short-lived Maven: C1 only starts it faster on a busy machine.
        .setMavenOpts("-Xmx256m -XX:TieredStopAtLevel=1")
        .setOutputHandler(line -> log.append(line).append('\n'))
        .setErrorHandler(line -> log.append(line).append('\n'));
    request.setTimeoutInSeconds(300);
    Properties user = new Properties();
    user.setProperty("stele.plugin.version", required("stele.it.plugin.version"));
    user.setProperty("style.color", "never");
    user.putAll(properties);
    request.setProperties(user);
    DefaultInvoker invoker = new DefaultInvoker();
    invoker.setMavenHome(new File(required("maven.home")));
    try {
      InvocationResult result = invoker.execute(request);
      if (result.getExecutionException() != null) {
        throw new AssertionError("mvn could not be run in " + project, result.getExecutionException());
      }
      // Kept beside the copy, for a look after a failure in CI.
      Files.writeString(project.resolve("build.log"), log);
      return new Result(result.getExitCode(), log.toString(), project);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MavenInvocationException e) {
      throw new AssertionError("mvn could not be run in " + project, e);
    }
  }

  /** src/it/{sample} copied to target/it-work/{n}-{sample}: every run starts from the sources. */
  private static Path copy(String sample) {
    Path from = Path.of(required("stele.it.projects"), sample);
    Path to = Path.of(required("stele.it.work"), RUNS.incrementAndGet() + "-" + sample);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the sample project " + from, e);
    }
    return to;
  }

  /** Every repository mirrored by the outer build's local repository, read as a remote one. */
  private static Path settings() {
    Path file = Path.of(required("stele.it.work"), "settings.xml");
    String outer = Path.of(required("stele.it.user.repo")).toUri().toString();
    String xml = "<settings><mirrors><mirror><id>outer-build-local-repository</id><mirrorOf>*</mirrorOf>"
        + "<url>" + outer + "</url></mirror></mirrors></settings>\n";
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, xml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + property + " is not set: run the integration"
          + " tests through Maven (mvn verify), which sets it");
    }
    return value;
  }
}
