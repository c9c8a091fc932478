package dev.stele.registry;

import dev.stele.registry.model.Config;
import dev.stele.registry.model.Mode;
import dev.stele.registry.model.Requests;
import java.util.concurrent.CompletionStage;

/**
 * Config and mode per scope: what {@code /config} and {@code /mode} call, with one request record
 * per operation ({@link Requests}). A null subject is the global scope. Writes complete once
 * durable and applied, like {@link Registry}'s.
 */
public interface Settings {

  /**
   * The scope's own config; with {@code defaultToGlobal} (or for the global scope) the effective
   * one, falling back to the server default.
   */
  Config config(Requests.GetConfig request);

  /** @return the update as the client sent it, which is what the Confluent registry echoes */
  CompletionStage<Config> updateConfig(Requests.UpdateConfig request);

  /** Removes the scope's config and returns what it was (for the global scope, the default). */
  CompletionStage<Config> deleteConfig(Requests.DeleteConfig request);

  Mode mode(Requests.GetMode request);

  CompletionStage<Mode> updateMode(Requests.UpdateMode request);

  CompletionStage<Mode> deleteMode(Requests.DeleteMode request);
}
