package dev.stele.registry.log;

/**
 * Hears how long each append to the log took until it was durable (or failed): the store's write
 * latency, for metrics. Called on the log's completion thread, so it must be quick.
 */
@FunctionalInterface
public interface AppendListener {
  public AppendListener NONE = (nanos, succeeded) -> { };

  public void appended(long nanos, boolean succeeded);
}
