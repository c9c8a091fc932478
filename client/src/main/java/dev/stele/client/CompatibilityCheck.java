package dev.stele.client;

import java.util.List;

/** The registry's answer to a compatibility test; messages are filled only when asked verbose. */
public record CompatibilityCheck(boolean compatible, List<String> messages) {
  public CompatibilityCheck {
    messages = messages == null ? List.of() : List.copyOf(messages);
  }
}
