package dev.stele.registry.model;

/**
 * A write's 50001 when nothing of it was stored because this node's term as the log's writer
 * ended under it (another node took the log over, or Kafka ended its transaction). Unlike other
 * failures it may be sent again, to whichever node leads next, with no risk of storing it twice:
 * the HTTP edge holds such a write for the new leader, as it holds one that found no leader.
 */
public final class NotStoredException extends RegistryException {
  public NotStoredException(String message) {
    super(ErrorCode.STORE_ERROR, message);
  }
}
