package dev.stele.format.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * {@link ResolutionCheck} answers exactly what Avro's own checker answers: the same
 * incompatibilities (type, location, message) in the same order, or the same exception.
 */
class ResolutionCheckTest {
  private static final int PAIRS = 3_000;

  /** Avro's answer and ours, side by side; an exception is compared by its class and message. */
  private static String assertSame(Schema reader, Schema writer) {
    String avro = answer(() -> AvroCompatibility.avro(reader, writer));
    String ours = answer(() -> ResolutionCheck.check(reader, writer));
    assertThat(ours).as("reader %s%nwriter %s", reader, writer).isEqualTo(avro);
    return avro;
  }

  private static String answer(Supplier<List<ResolutionCheck.Found>> check) {
    try {
      return check.get().toString();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }

  @Test
  void generatedPairsGetAvrosAnswersBothWaysAndAgainstThemselves() {
    int checked = 0;
    int incompatible = 0;
    for (long seed = 0; checked < PAIRS; seed++) {
      String[] texts = SchemaPairGenerator.pair(seed, seed % 3 == 0 ? 0.02 : 0.1);
      Schema first;
      Schema next;
      try {
        first = parse(texts[0]);
        next = parse(texts[1]);
      } catch (AvroRuntimeException | NullPointerException e) {
        continue; // the generator may write what Avro refuses (a default of the wrong type)
      }
      String answer = assertSame(first, next);
      assertSame(next, first);
      assertSame(first, first); // one object on both sides: every pair is met by identity
      assertSame(first, parse(texts[0]));
      checked++;
      if (!answer.equals("[]")) {
        incompatible++;
      }
    }
    // The generator must make both answers common, or the comparison proves little.
    assertThat(incompatible).isBetween(PAIRS / 10, PAIRS * 9 / 10);
  }

  @Test
  void generatedSchemasHoldUnionsRecursionAndAliases() {
    String all = IntStream.range(0, 300).mapToObj(s -> SchemaPairGenerator.pair(s, 0.1)[0])
        .collect(Collectors.joining("\n"));
    assertThat(all).contains("\"aliases\"").contains("\"items\":[").contains("\"values\":[")
        .contains("\"type\":\"fixed\"").contains("\"type\":\"enum\"");
    long recursive = IntStream.range(0, 300).filter(s -> {
      String text = SchemaPairGenerator.pair(s, 0.1)[0];
      return text.startsWith("{\"type\":\"record\",\"name\":\"A\"") && text.contains("\"A\"]");
    }).count();
    assertThat(recursive).isPositive();
  }

  private static String record(String union) {
    return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"u\",\"type\":" + union
        + "},{\"name\":\"more\",\"type\":{\"type\":\"array\",\"items\":" + union.replaceAll(
            "\"name\":\"([A-Z])", "\"name\":\"m.$1") + "}}]}";
  }

  private static String union(int n, IntFunction<String> branch) {
    return IntStream.range(0, n).mapToObj(branch).collect(Collectors.joining(",", "[", "]"));
  }

  private static String fixed(String prefix, int i, int size) {
    return "{\"type\":\"fixed\",\"name\":\"" + prefix + i + "\",\"size\":" + size + "}";
  }

  @Test
  void theHostileCorpusWideUnionsGetAvrosAnswers() {
    Schema fixed = parse(record(union(300, i -> fixed("F", i, 1))));
    List<Schema> others = List.of(
        parse(record(union(300, i -> fixed("F", i, 1)))),
        parse(record(union(299, i -> fixed("F", i + 1, 1)))),
        parse(record(union(301, i -> fixed("F", 300 - i, 1)))),
        parse(record(union(300, i -> fixed("G", i, 1)))),
        parse(record(union(300, i -> fixed("F", i, i % 2 + 1)))),
        parse(record(union(300, i -> "{\"type\":\"enum\",\"name\":\"F" + i
            + "\",\"symbols\":[\"S\"]}"))),
        parse(record(union(300, i -> "{\"type\":\"fixed\",\"name\":\"G" + i
            + "\",\"aliases\":[\"F" + (i * 7 % 300) + "\"],\"size\":1}"))),
        parse(record(union(300, i -> "{\"type\":\"record\",\"name\":\"F" + (i * 7 % 300)
            + "\",\"fields\":[{\"name\":\"x\",\"type\":{\"type\":\"array\",\"items\":\"int\"}},"
            + "{\"name\":\"y\",\"type\":\"string\",\"default\":\"\"}]}"))),
        parse(record(union(299, i -> "{\"type\":\"record\",\"name\":\"F" + i
            + "\",\"fields\":[{\"name\":\"y\",\"type\":\"long\"}]}"))),
        parse(record(union(40, i -> "{\"type\":\"record\",\"name\":\"F" + i
            + "\",\"fields\":[{\"name\":\"x\",\"type\":[\"null\",\"F" + i + "\"]}]}"))),
        parse(record("[\"null\",\"int\",\"long\",\"string\",{\"type\":\"map\",\"values\":"
            + union(30, i -> fixed("F", i, 1)) + "}]")));
    for (Schema other : others) {
      assertSame(fixed, other);
      assertSame(other, fixed);
      assertSame(other, other);
    }
  }

  @Test
  void aSkippedBranchMetAgainAnswersAsAvroRememberedItAtTheUnion() {
    // Avro tries R1 against the writer's R2 inside the union (and remembers the name mismatch
    // with the union's fresh location, "/name"), then meets the same pair at field b and answers
    // from memory: "/name", not "/fields/1/type/name". The skipped pair must answer the same.
    String flat = "\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
    Schema reader = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\","
        + "\"type\":[\"null\",{\"type\":\"record\",\"name\":\"R1\"," + flat + ",{\"type\":\"record\","
        + "\"name\":\"R2\"," + flat + "]},{\"name\":\"b\",\"type\":\"R1\"}]}");
    Schema writer = parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\","
        + "\"type\":{\"type\":\"record\",\"name\":\"R2\"," + flat + "},{\"name\":\"b\",\"type\":\"R2\"}]}");

    assertSame(reader, writer);
    assertThat(ResolutionCheck.check(reader, writer)).singleElement()
        .extracting(ResolutionCheck.Found::location).isEqualTo("/name");
  }

  @Test
  void promotionsAndAliasesAreFoundInWideUnions() {
    String primitives = "[\"null\",\"string\"," + union(50, i -> fixed("F", i, 1)).substring(1,
        union(50, i -> fixed("F", i, 1)).length() - 1) + ",\"double\"]";
    for (String writer : List.of("\"int\"", "\"long\"", "\"float\"", "\"bytes\"", "\"boolean\"",
        "[\"int\",\"bytes\",\"boolean\"]", "{\"type\":\"fixed\",\"name\":\"X\",\"size\":1}")) {
      assertSame(parse(record(primitives)), parse(record(writer)));
      assertSame(parse(record(writer)), parse(record(primitives)));
    }
    Schema aliased = parse(record(union(50, i -> "{\"type\":\"fixed\",\"name\":\"G" + i
        + "\",\"aliases\":[\"F" + i + "\"],\"size\":1}")));
    assertSame(aliased, parse(record(union(50, i -> fixed("F", i, 1)))));
    assertThat(ResolutionCheck.check(aliased, parse(record(union(50, i -> fixed("F", i, 1))))))
        .isEmpty();
  }
}
