package dev.stele.cli;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.RestClientException;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A command that talks to one registry through the Java client. Failures are not caught here:
 * {@link Stele} turns a registry error into exit 3 and an unreachable registry into exit 4.
 */
abstract class RegistryCommand implements Callable<Integer> {
  @Mixin
  RegistryOptions registry;

  @Mixin
  Output output;

  @Override
  public final Integer call() throws IOException, RestClientException {
    try (CachedSchemaRegistryClient client = registry.client()) {
      return call(client);
    }
  }

  abstract int call(CachedSchemaRegistryClient client) throws IOException, RestClientException;
}
