package dev.stele.client;

/**
 * When a rule runs. {@code WRITE}, {@code READ} and both ({@code WRITEREAD}) are a serializer's
 * and a deserializer's own; {@code UPGRADE}, {@code DOWNGRADE} and both ({@code UPDOWN}) run
 * when a reader migrates data between versions.
 */
public enum RuleMode {
  UPGRADE, DOWNGRADE, UPDOWN, WRITE, READ, WRITEREAD;

  /** Whether a rule declared with this mode runs when a serde works in {@code running}. */
  public boolean runsIn(RuleMode running) {
    return switch (this) {
      case WRITEREAD -> running == WRITE || running == READ;
      case UPDOWN -> running == UPGRADE || running == DOWNGRADE;
      default -> this == running;
    };
  }
}
