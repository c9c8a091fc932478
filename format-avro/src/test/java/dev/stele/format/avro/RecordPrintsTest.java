package dev.stele.format.avro;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordPrintsTest {
  private static final String A = "{\"name\":\"a\",\"type\":\"string\"}";
  private static final String B_DEFAULT = "{\"name\":\"b\",\"type\":\"int\",\"default\":1}";
  private static final String B_NO_DEFAULT = "{\"name\":\"b\",\"type\":\"int\"}";
  private static final String B_LONG = "{\"name\":\"b\",\"type\":\"long\",\"default\":1}";
  private static final String C_DEFAULT = "{\"name\":\"c\",\"type\":\"string\",\"default\":\"\"}";
  private static final String C_NO_DEFAULT = "{\"name\":\"c\",\"type\":\"string\"}";
  private static final String D = "{\"name\":\"d\",\"type\":\"int\"}";
  private static final String NESTED = "{\"name\":\"n\",\"type\":{\"type\":\"record\",\"name\":\"N\",\"fields\":[" + A + "]}}";

  private static Schema record(String name, String fields) {
    return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + fields + "]}");
  }

  /** Rows: reader fields, writer fields, whether the quick proof applies. */
  @ParameterizedTest(name = "[{index}] reader {0} / writer {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "A|A|true",
      "A,B_DEFAULT|A|true",
      "A|A,B_NO_DEFAULT|true",
      "A,B_NO_DEFAULT|A|false",
      "A,B_LONG|A,B_DEFAULT|false",
      "NESTED|NESTED|true",
      "A,NESTED|A|false",
      // Interleaved names: the walk over both sorted lists skips writer-only fields and finds
      // reader-only ones wherever they fall.
      "A,C_DEFAULT,D|D,B_NO_DEFAULT,A|true",
      "A,C_NO_DEFAULT,D|D,B_NO_DEFAULT,A|false",
      "D|A,B_DEFAULT,C_DEFAULT,D|true",
      "A,B_DEFAULT,C_DEFAULT|D|false",
  })
  void provesOnlyWhatAvroAgrees(String readerFields, String writerFields, boolean proven) {
    Schema reader = record("R", fields(readerFields));
    Schema writer = record("R", fields(writerFields));
    assertThat(RecordPrints.proven(RecordPrints.of(reader), RecordPrints.of(writer))).isEqualTo(proven);
    if (proven) {
      // Soundness: whatever the proof accepts, Avro's checker accepts too.
      assertThat(SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType())
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  @org.junit.jupiter.api.Test
  void leavesRenamesAliasesAndOtherTypesToAvro() {
    assertThat(RecordPrints.proven(RecordPrints.of(record("R", A)), RecordPrints.of(record("S", A)))).isFalse();
    Schema aliased = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\",\"aliases\":[\"x\"]}]}");
    assertThat(RecordPrints.proven(RecordPrints.of(aliased), RecordPrints.of(record("R", A)))).isFalse();
    assertThat(RecordPrints.of(Schema.create(Schema.Type.STRING))).isNull();
    assertThat(RecordPrints.proven(null, RecordPrints.of(record("R", A)))).isFalse();
  }

  private static String fields(String names) {
    StringBuilder out = new StringBuilder();
    for (String name : names.split(",")) {
      out.append(out.length() == 0 ? "" : ",").append(switch (name) {
        case "A" -> A;
        case "B_DEFAULT" -> B_DEFAULT;
        case "B_NO_DEFAULT" -> B_NO_DEFAULT;
        case "B_LONG" -> B_LONG;
        case "NESTED" -> NESTED;
        case "C_DEFAULT" -> C_DEFAULT;
        case "C_NO_DEFAULT" -> C_NO_DEFAULT;
        case "D" -> D;
        default -> throw new IllegalArgumentException(name);
      });
    }
    return out.toString();
  }
}
