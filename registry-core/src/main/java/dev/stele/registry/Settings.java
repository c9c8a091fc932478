package dev.stele.registry;

import dev.stele.registry.model.Config;
import dev.stele.registry.model.Mode;
import java.util.concurrent.CompletionStage;

/**
 * Config and mode per scope: what {@code /config} and {@code /mode} call. A null subject is the
 * global scope. Writes complete once durable and applied, like {@link Registry}'s.
 */
public interface Settings {

  /**
   * The scope's own config; with {@code defaultToGlobal} (or for the global scope) the effective
   * one, falling back to the server default.
   */
  Config config(String subject, boolean defaultToGlobal);

  /**
   * Merges {@code update} into the scope's config: a field that is null keeps its old value.
   *
   * @return the update as the client sent it, which is what the Confluent registry echoes
   */
  CompletionStage<Config> updateConfig(String subject, Config update);

  /** Removes the scope's config and returns what it was (for the global scope, the default). */
  CompletionStage<Config> deleteConfig(String subject);

  Mode mode(String subject, boolean defaultToGlobal);

  /**
   * Sets the scope's mode; {@code mode} is the client's text, validated here (42204).
   *
   * @param force switch to IMPORT even though the scope holds schemas
   */
  CompletionStage<Mode> updateMode(String subject, String mode, boolean force);

  CompletionStage<Mode> deleteMode(String subject, boolean recursive);
}
