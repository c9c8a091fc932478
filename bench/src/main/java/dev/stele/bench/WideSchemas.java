package dev.stele.bench;

/**
 * Wide evolving schemas of the same shape in the three formats, for
 * {@link FormatsTransitiveBenchmark}: a fixed head of varied fields (a timestamp, an enum, a
 * list, a map, a nested record or object, a oneof in Protobuf) and a tail of simple fields, so
 * that a schema of {@code n} fields has {@code n} top-level fields. Any two widths are FULL
 * compatible in each format under the registry's default rules, so a FULL_TRANSITIVE check runs
 * against every version instead of stopping at the first failure:
 * <ul>
 *   <li>Avro: the tail fields are optional ({@code ["null","string"]}, default null), so each side
 *       fills the other's missing fields with the default and skips the extra ones.</li>
 *   <li>JSON Schema: a partially open content model ({@code additionalProperties} of type string)
 *       covers every tail property (all strings), so adding or removing one is
 *       {@code PROPERTY_ADDED/REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL}, compatible
 *       under the strict (default) policy both ways.</li>
 *   <li>Protobuf: fields are matched by tag number; an added or removed field is compatible.</li>
 * </ul>
 */
final class WideSchemas {
  /** How many fields the fixed head has; the tail fills the rest. */
  static final int HEAD = 8;

  private WideSchemas() {}

  static String of(String format, int fields) {
    return switch (format) {
      case "AVRO" -> avro(fields);
      case "JSON" -> json(fields);
      case "PROTOBUF" -> protobuf(fields);
      default -> throw new IllegalArgumentException("no wide schema for " + format);
    };
  }

  static String avro(int fields) {
    StringBuilder s = new StringBuilder(128 + 60 * fields);
    s.append("{\"type\":\"record\",\"name\":\"Wide\",\"namespace\":\"dev.stele.bench\",\"fields\":[")
        .append("{\"name\":\"id\",\"type\":\"string\"},")
        .append("{\"name\":\"created\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}},")
        .append("{\"name\":\"status\",\"type\":{\"type\":\"enum\",\"name\":\"Status\",")
        .append("\"symbols\":[\"NEW\",\"PAID\",\"SHIPPED\"],\"default\":\"NEW\"}},")
        .append("{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"},\"default\":[]},")
        .append("{\"name\":\"attributes\",\"type\":{\"type\":\"map\",\"values\":\"string\"},\"default\":{}},")
        .append("{\"name\":\"address\",\"type\":{\"type\":\"record\",\"name\":\"Address\",\"fields\":[")
        .append("{\"name\":\"street\",\"type\":\"string\"},{\"name\":\"city\",\"type\":\"string\"}]}},")
        .append("{\"name\":\"amount\",\"type\":\"double\",\"default\":0.0},")
        .append("{\"name\":\"quantity\",\"type\":\"int\",\"default\":1}");
    for (int j = HEAD + 1; j <= fields; j++) {
      s.append(",{\"name\":\"f").append(j).append("\",\"type\":[\"null\",\"string\"],\"default\":null}");
    }
    return s.append("]}").toString();
  }

  static String json(int fields) {
    StringBuilder s = new StringBuilder(256 + 30 * fields);
    s.append("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"title\":\"Wide\",")
        .append("\"type\":\"object\",\"properties\":{")
        .append("\"id\":{\"type\":\"string\",\"minLength\":1},")
        .append("\"created\":{\"type\":\"string\",\"format\":\"date-time\"},")
        .append("\"status\":{\"enum\":[\"NEW\",\"PAID\",\"SHIPPED\"]},")
        .append("\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"maxItems\":50},")
        .append("\"attributes\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}},")
        .append("\"address\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},")
        .append("\"city\":{\"type\":\"string\"}},\"required\":[\"city\"],\"additionalProperties\":false},")
        .append("\"amount\":{\"type\":\"number\",\"minimum\":0},")
        .append("\"quantity\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":1000}");
    for (int j = HEAD + 1; j <= fields; j++) {
      s.append(",\"f").append(j).append("\":{\"type\":\"string\"}");
    }
    return s.append("},\"required\":[\"id\"],\"additionalProperties\":{\"type\":\"string\"}}").toString();
  }

  private static final String[] PROTO_TAIL_TYPES = {"string", "int64", "double", "bool", "bytes"};

  static String protobuf(int fields) {
    StringBuilder s = new StringBuilder(512 + 28 * fields);
    s.append("syntax = \"proto3\";\npackage dev.stele.bench;\n\n")
        .append("import \"google/protobuf/timestamp.proto\";\n\n")
        .append("message Wide {\n")
        .append("  string id = 1;\n")
        .append("  google.protobuf.Timestamp created = 2;\n")
        .append("  Status status = 3;\n")
        .append("  repeated string tags = 4;\n")
        .append("  map<string, string> attributes = 5;\n")
        .append("  Address address = 6;\n")
        .append("  oneof payment {\n    string card = 7;\n    string voucher = 8;\n  }\n");
    for (int j = HEAD + 1; j <= fields; j++) {
      s.append("  ").append(PROTO_TAIL_TYPES[j % PROTO_TAIL_TYPES.length]).append(" f").append(j)
          .append(" = ").append(j).append(";\n");
    }
    return s.append("\n  message Address {\n    string street = 1;\n    string city = 2;\n  }\n")
        .append("  enum Status {\n    NEW = 0;\n    PAID = 1;\n    SHIPPED = 2;\n  }\n}\n")
        .toString();
  }
}
