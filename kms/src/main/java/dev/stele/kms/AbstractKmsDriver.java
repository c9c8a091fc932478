package dev.stele.kms;

import java.util.function.UnaryOperator;

/**
 * What the drivers share: their {@code kmsType}, and the environment their settings fall back to.
 * Confluent's drivers read each setting from the KEK's (or the client's) properties and, when it is
 * not there, from an environment variable ({@code LOCAL_SECRET}, {@code VAULT_TOKEN}, ...); tests
 * hand a driver their own environment instead of the process's.
 */
public abstract class AbstractKmsDriver implements KmsDriver {
  /** How a driver's parts read a setting: {@link #setting} handed down as {@code this::setting}. */
  @FunctionalInterface
  public interface Setting {
    String of(KmsKey key, String name, String variable);
  }

  private final String kmsType;
  private final UnaryOperator<String> environment;

  /** @param environment looks up environment variables ({@code System::getenv} in production) */
  protected AbstractKmsDriver(String kmsType, UnaryOperator<String> environment) {
    this.kmsType = kmsType;
    this.environment = environment;
  }

  @Override
  public final String kmsType() {
    return kmsType;
  }

  /**
   * The property {@code name} of {@code key}, else the environment variable {@code variable}
   * (none when null); a blank value counts as absent. Null when neither is set.
   */
  protected final String setting(KmsKey key, String name, String variable) {
    String value = key.kmsProps().get(name);
    if ((value == null || value.isBlank()) && variable != null) {
      value = environment.apply(variable);
    }
    return value == null || value.isBlank() ? null : value;
  }
}
