package dev.stele.server;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.stele.http.ops.KeyValueText;
import java.util.List;
import org.slf4j.event.KeyValuePair;

/**
 * {@code %pairs} in logback.xml's text format: an event's SLF4J key/value pairs after its message,
 * {@code  key=value} each, quoted as {@link KeyValueText} does (logback's own {@code %kvp} quotes
 * every value and escapes none, so a subject holding a quote could forge a field).
 */
public final class KeyValuePairs extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs == null || pairs.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(pairs.size() * 24);
    for (KeyValuePair pair : pairs) {
      KeyValueText.append(out.append(' '), pair.key, pair.value);
    }
    return out.toString();
  }
}
