package dev.stele.testkit.kafka;

/**
 * A {@link KafkaCluster} for scripts (the Kafka benchmarks in {@code bench/}): starts N nodes,
 * prints {@code bootstrap.servers=...} on one line once they all answer, and runs until it is
 * stopped. SIGTERM (or any normal exit) runs the cluster's shutdown hook, which kills the brokers;
 * a SIGKILL of this process also ends them, since each broker halts when its parent goes.
 *
 * <p>Usage: {@code java -cp TESTKIT_CLASSPATH dev.stele.testkit.kafka.KafkaClusterMain [NODES]}
 */
public final class KafkaClusterMain {
  private KafkaClusterMain() {}

  public static void main(String[] args) throws InterruptedException {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    KafkaCluster cluster = KafkaCluster.start(size);
    System.out.println("bootstrap.servers=" + cluster.bootstrapServers());
    System.out.flush();
    Thread.currentThread().join();
  }
}
