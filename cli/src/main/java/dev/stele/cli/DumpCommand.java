package dev.stele.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A command that moves an export file ({@code export}, {@code import}): the file, the requests in
 * flight and the registry are the same options for both, so a script can swap one for the other.
 */
abstract class DumpCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE")
  String file;

  @Option(names = "--parallel", defaultValue = "8", paramLabel = "N",
      description = "Requests in flight. Default: ${DEFAULT-VALUE}.")
  int parallel;

  @Mixin
  RegistryOptions registry;

  @Mixin
  Output output;

  RegistryRest rest() {
    return new RegistryRest(registry.clientConfig());
  }

  /** The workers for {@code --parallel}; the caller shuts them down. */
  ExecutorService pool() {
    return Workers.pool(parallel);
  }
}
