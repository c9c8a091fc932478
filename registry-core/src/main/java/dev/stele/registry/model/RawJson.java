package dev.stele.registry.model;

import java.util.Objects;

/**
 * A JSON value the registry stores and returns without interpreting it (schema metadata, rule
 * sets): compact JSON text, immutable, rendered verbatim.
 */
public record RawJson(String text) {
  public RawJson {
    Objects.requireNonNull(text, "text");
  }
}
