package dev.stele.bench;

/** The schemas the load modes register; all compact JSON text, all valid Avro. */
final class Schemas {
  private Schemas() {}

  /**
   * The schema of Confluent's SchemaRegistryPerformance tool: a record with one string field
   * {@code f<i>}. The record name carries a run tag so that a second run against the same server
   * registers new schemas rather than finding existing ones.
   */
  static String oneField(String run, int i) {
    return "{\"type\":\"record\",\"name\":\"bench_" + run + "\",\"fields\":[{\"type\":\"string\",\"name\":\"f"
        + i + "\"}]}";
  }

  /**
   * Version {@code k} (1-based) of an evolving record: an id field plus {@code k - 1} optional
   * fields with a null default. Any two versions can read each other's data (a missing field takes
   * its default, an extra one is skipped), so every level, FULL_TRANSITIVE included, accepts them.
   * The record name keeps subjects apart: the registry dedups equal schemas across subjects, so
   * subjects sharing texts would share stored schemas (and the server's parsed-schema cache).
   */
  static String evolving(String name, int k) {
    StringBuilder s = new StringBuilder(64 + 48 * k);
    s.append("{\"type\":\"record\",\"name\":\"").append(name)
        .append("\",\"namespace\":\"dev.stele.bench\",\"fields\":[")
        .append("{\"name\":\"id\",\"type\":\"string\"}");
    for (int j = 1; j < k; j++) {
      s.append(",{\"name\":\"o").append(j).append("\",\"type\":[\"null\",\"string\"],\"default\":null}");
    }
    return s.append("]}").toString();
  }

  /**
   * A realistic event schema of about {@code targetBytes} characters (logical types, an enum, a
   * union, an array and a map, docs), distinct for every {@code i}. The record's doc pads it to
   * size.
   */
  static String event(String run, int i, int targetBytes) {
    String head = "{\"type\":\"record\",\"name\":\"Order" + i + "\",\"namespace\":\"com.example.bench."
        + run + ".shop" + (i % 50) + "\",\"doc\":\"";
    String tail = "\",\"fields\":["
        + "{\"name\":\"id\",\"type\":\"string\",\"doc\":\"Order id, unique per shop.\"},"
        + "{\"name\":\"created\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}},"
        + "{\"name\":\"amount\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2}},"
        + "{\"name\":\"status\",\"type\":{\"type\":\"enum\",\"name\":\"Status" + i
        + "\",\"symbols\":[\"NEW\",\"PAID\",\"SHIPPED\",\"CANCELLED\"],\"default\":\"NEW\"}},"
        + "{\"name\":\"customer\",\"type\":[\"null\",\"string\"],\"default\":null},"
        + "{\"name\":\"quantity\",\"type\":\"int\",\"default\":1},"
        + "{\"name\":\"price\",\"type\":\"double\",\"default\":0.0},"
        + "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"},\"default\":[]},"
        + "{\"name\":\"attributes\",\"type\":{\"type\":\"map\",\"values\":\"string\"},\"default\":{}},"
        + "{\"name\":\"shipping\",\"type\":[\"null\",{\"type\":\"record\",\"name\":\"Address" + i
        + "\",\"fields\":[{\"name\":\"street\",\"type\":\"string\"},{\"name\":\"city\",\"type\":\"string\"},"
        + "{\"name\":\"zip\",\"type\":\"string\"},{\"name\":\"country\",\"type\":\"string\",\"default\":\"NL\"}]}],"
        + "\"default\":null},"
        + "{\"name\":\"note" + i + "\",\"type\":[\"null\",\"string\"],\"default\":null}"
        + "]}";
    StringBuilder doc = new StringBuilder("Synthetic order event " + i + " for the Stele benchmarks.");
    int room = targetBytes - head.length() - tail.length();
    while (doc.length() < room) {
      doc.append(" Padding text.");
    }
    doc.setLength(Math.max(0, Math.min(doc.length(), room)));
    return head + doc.toString().stripTrailing() + tail;
  }
}
