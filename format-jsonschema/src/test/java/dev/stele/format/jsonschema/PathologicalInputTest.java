package dev.stele.format.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.schema.CompatibilityResult;
import dev.stele.schema.Incompatibility;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.SchemaFormat.Roles;
import dev.stele.schema.SchemaSource;
import org.junit.jupiter.api.Test;

/**
 * Inputs meant to hurt: each must end in a clear answer (an invalid schema or a verdict), never a
 * stack overflow, an endless loop or an exhausted heap.
 */
class PathologicalInputTest {

  @Test
  void tenThousandLevelsOfNestingAreInvalidJsonNotAStackOverflow() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    assertThatThrownBy(() -> Schemas.FORMAT.parse(SchemaSource.of(deep)))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessage("Invalid JSON Schema: nested deeper than 500 levels");
    String deepSchema = "{\"not\":".repeat(10_000) + "{}" + "}".repeat(10_000);
    assertThatThrownBy(() -> Schemas.FORMAT.parse(SchemaSource.of(deepSchema)))
        .isInstanceOf(InvalidSchemaException.class);
  }

  @Test
  void nestingJustBelowTheLimitParsesAndCompares() throws Exception {
    int levels = JsonText.MAX_DEPTH / 2 - 2;
    String open = "{\"properties\":{\"a\":".repeat(levels);
    String close = "}}".repeat(levels);
    JsonSchema before = Schemas.FORMAT.parse(SchemaSource.of(open + "{\"type\":\"string\"}" + close));
    JsonSchema after = Schemas.FORMAT.parse(SchemaSource.of(open + "{\"type\":\"integer\"}" + close));
    CompatibilityResult result = Schemas.FORMAT.checkCanRead(after, before, Roles.NEW_READS_OLD);
    assertThat(result.incompatibilities()).extracting(Incompatibility::kind)
        .containsExactly(ChangeKind.TYPE_CHANGED);
  }

  /** A worker thread with a small stack still gets an answer at the deepest accepted nesting. */
  @Test
  void deepNestingOnASmallStackEndsInAnAnswer() throws Exception {
    int levels = JsonText.MAX_DEPTH - 2;
    String schema = "{\"not\":".repeat(levels) + "{\"type\":\"string\"}" + "}".repeat(levels);
    String[] outcome = new String[1];
    Thread worker = new Thread(null, () -> {
      try {
        JsonSchema parsed = Schemas.FORMAT.parse(SchemaSource.of(schema));
        outcome[0] = Schemas.FORMAT.checkCanRead(parsed, parsed, Roles.NEW_READS_OLD).isCompatible()
            ? "compatible" : "incompatible";
      } catch (InvalidSchemaException e) {
        outcome[0] = "invalid";
      }
    }, "small-stack", 512 * 1024);
    worker.start();
    worker.join();
    assertThat(outcome[0]).isIn("compatible", "invalid");
  }

  @Test
  void hugeEnumsParseAndCompareInLinearTime() throws Exception {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      values.append(i == 0 ? "" : ",").append('"').append("v").append(i).append('"');
    }
    JsonSchema before = Schemas.FORMAT.parse(SchemaSource.of("{\"enum\":[" + values + "]}"));
    JsonSchema after = Schemas.FORMAT.parse(SchemaSource.of("{\"enum\":[" + values + ",\"x\"]}"));
    assertThat(Schemas.FORMAT.checkCanRead(after, before, Roles.NEW_READS_OLD).isCompatible()).isTrue();
    assertThat(Schemas.FORMAT.checkCanRead(before, after, Roles.NEW_READS_OLD).incompatibilities())
        .extracting(Incompatibility::kind).containsExactly(ChangeKind.ENUM_ARRAY_NARROWED);
  }

  @Test
  void aCombinationThatIsItsOwnBranchEndsWithAVerdict() throws Exception {
    JsonSchema loop = Schemas.parse("{'allOf':[{'$ref':'#'}]}");
    JsonSchema string = Schemas.parse("{'type':'string'}");
    CompatibilityResult result = Schemas.FORMAT.checkCanRead(loop, string, Roles.NEW_READS_OLD);
    assertThat(result.incompatibilities()).extracting(Incompatibility::kind)
        .containsExactly(JsonCompatibility.ABORTED);
  }

  @Test
  void wideCombinationsAreBoundedByTheBudget() throws Exception {
    StringBuilder branches = new StringBuilder();
    for (int i = 0; i < 600; i++) {
      branches.append(i == 0 ? "" : ",").append("{\"type\":\"string\",\"maxLength\":").append(i)
          .append('}');
    }
    String schema = "{\"anyOf\":[" + branches + "]}";
    JsonSchemaFormat small = new JsonSchemaFormat(100_000);
    JsonSchema a = small.parse(SchemaSource.of(schema));
    JsonSchema b = small.parse(SchemaSource.of(schema));
    assertThat(small.checkCanRead(a, b, Roles.NEW_READS_OLD).incompatibilities())
        .extracting(Incompatibility::kind).containsExactly(JsonCompatibility.ABORTED);
  }

  /**
   * Issue 17: every branch is compared with every branch, so 1,000 against 1,000 could never
   * finish within the default budget; it is refused from the count, before the first
   * comparison, where it used to allocate some 190 MB on its way to the budget's end.
   */
  @Test
  void combinationsWiderThanTheBudgetAreRefusedBeforeComparing() throws Exception {
    JsonSchema inOrder = Schemas.FORMAT.parse(SchemaSource.of(objects(1_000, false)));
    JsonSchema reversed = Schemas.FORMAT.parse(SchemaSource.of(objects(1_000, true)));
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)
        java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    CompatibilityResult result = Schemas.FORMAT.checkCanRead(reversed, inOrder, Roles.NEW_READS_OLD);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(result.incompatibilities()).extracting(Incompatibility::kind)
        .containsExactly(JsonCompatibility.ABORTED);
    assertThat(result.incompatibilities().get(0).message())
        .contains("would need more than " + JsonSchemaFormat.DEFAULT_MAX_COMPARISONS + " comparisons");
    assertThat(allocated).isLessThan(2_000_000);
    // Under the budget the same shape is still compared: reordered branches are matched.
    JsonSchemaFormat roomy = Schemas.FORMAT;
    JsonSchema a = roomy.parse(SchemaSource.of(objects(100, false)));
    JsonSchema b = roomy.parse(SchemaSource.of(objects(100, true)));
    assertThat(roomy.checkCanRead(b, a, Roles.NEW_READS_OLD).isCompatible()).isTrue();
  }

  /** {@code anyOf} of n objects with one required property each, in order or reversed. */
  private static String objects(int n, boolean reversed) {
    StringBuilder out = new StringBuilder("{\"anyOf\":[");
    for (int k = 0; k < n; k++) {
      int i = reversed ? n - 1 - k : k;
      out.append(k == 0 ? "" : ",").append("{\"type\":\"object\",\"properties\":{\"p").append(i)
          .append("\":{\"type\":\"string\"}},\"required\":[\"p").append(i).append("\"]}");
    }
    return out.append("]}").toString();
  }

  @Test
  void catastrophicPatternsDoNotHangTheCheck() throws Exception {
    String name = "a".repeat(40) + "!";
    String original = "{'type':'object','patternProperties':{'^(a+)+$':{'type':'string'}},"
        + "'additionalProperties':false}";
    String update = "{'type':'object','properties':{'" + name + "':{'type':'string'}},"
        + "'patternProperties':{'^(a+)+$':{'type':'string'}},'additionalProperties':false}";
    CompatibilityResult result = Schemas.FORMAT.checkCanRead(
        Schemas.parse(update), Schemas.parse(original), Roles.NEW_READS_OLD);
    assertThat(result.isCompatible()).isTrue(); // treated as not matching: an optional addition
  }
}
