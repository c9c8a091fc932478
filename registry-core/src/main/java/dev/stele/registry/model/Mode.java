package dev.stele.registry.model;

import java.util.Optional;

/** A scope's write mode (../shared/API.md §2.6). */
public enum Mode {
  READWRITE,
  READONLY,
  READONLY_OVERRIDE,
  IMPORT,
  FORWARD;

  public static Optional<Mode> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    // Case-insensitive, as the Confluent registry reads them ("readwrite" is READWRITE).
    for (Mode mode : values()) {
      if (mode.name().equalsIgnoreCase(name)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  /** Registration, deletion and config changes are refused. */
  public boolean readOnly() {
    return this == READONLY || this == READONLY_OVERRIDE;
  }
}
