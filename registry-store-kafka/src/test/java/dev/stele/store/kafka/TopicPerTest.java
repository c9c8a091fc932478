package dev.stele.store.kafka;

import dev.stele.testkit.kafka.KafkaBrokers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Per test, on the class's broker: a topic named after the test, an {@link Admin} when asked
 * for, and the logs the test opened, all closed after it.
 *
 * <pre>{@code @RegisterExtension final TopicPerTest topics = new TopicPerTest("schemas-", KAFKA);}</pre>
 */
final class TopicPerTest implements BeforeEachCallback, AfterEachCallback {
  private final String prefix;
  private final KafkaBrokers kafka;
  private final List<KafkaRecordLog> logs = new ArrayList<>();
  private String topic;
  private Admin admin;

  TopicPerTest(String prefix, KafkaBrokers kafka) {
    this.prefix = prefix;
    this.kafka = kafka;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    topic = prefix + context.getRequiredTestMethod().getName();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeLogs();
    if (admin != null) {
      admin.close();
      admin = null;
    }
  }

  String topic() {
    return topic;
  }

  Admin admin() {
    if (admin == null) {
      admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }
    return admin;
  }

  /** Closes {@code log} after the test. */
  KafkaRecordLog track(KafkaRecordLog log) {
    logs.add(log);
    return log;
  }

  /** Closes the logs opened so far (a test that restarts a node mid-way). */
  void closeLogs() {
    logs.forEach(KafkaRecordLog::close);
    logs.clear();
  }
}
