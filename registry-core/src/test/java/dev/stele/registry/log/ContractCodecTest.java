package dev.stele.registry.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.registry.model.Metadata;
import dev.stele.registry.model.RawJson;
import dev.stele.registry.model.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractCodecTest {

  /** Any spelling in, the one canonical text out: fixed field order, sorted, empty parts gone. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{} | {}",
      "{\"properties\":{}} | {}",
      "{\"unknown\":1,\"sensitive\":[]} | {}",
      "{\"sensitive\":[\"b\",\"a\"],\"properties\":{\"z\":\"1\",\"a\":\"2\"}} | {\"properties\":{\"a\":\"2\",\"z\":\"1\"},\"sensitive\":[\"a\",\"b\"]}",
      "{\"tags\":{\"f\":[\"Y\",\"X\"]},\"properties\":{\"n\":1}} | {\"tags\":{\"f\":[\"X\",\"Y\"]},\"properties\":{\"n\":\"1\"}}",
  })
  void metadataIsCanonical(String in, String out) {
    assertThat(ContractCodec.canonicalMetadata(new RawJson(in)).text()).isEqualTo(out);
  }

  @Test
  void metadataReadsIntoItsParts() {
    Metadata m = ContractCodec.metadata(new RawJson(
        "{\"tags\":{\"f\":[\"PII\"]},\"properties\":{\"confluent:version\":\"2\"},\"sensitive\":[\"k\"]}"));
    assertThat(m.tags().get("f")).containsExactly("PII");
    assertThat(m.property(Metadata.CONFLUENT_VERSION)).isEqualTo("2");
    assertThat(m.sensitive()).containsExactly("k");
    assertThat(ContractCodec.json(m)).isEqualTo(ContractCodec.canonicalMetadata(ContractCodec.json(m)));
    assertThat(ContractCodec.metadata(null)).isNull();
    assertThat(ContractCodec.json((Metadata) null)).isNull();
  }

  @Test
  void ruleSetsKeepEachRuleAsWrittenAndDropEmptyLists() {
    RawJson in = new RawJson("{\"domainRules\":[{\"name\":\"r\",\"kind\":\"CONDITION\",\"type\":\"CEL\","
        + "\"expr\":\"1.50\"}],\"migrationRules\":[],\"encodingRules\":null}");
    RuleSet rules = ContractCodec.ruleSet(in);
    assertThat(rules.domainRules()).singleElement().satisfies(rule -> {
      assertThat(rule.name()).isEqualTo("r");
      assertThat(rule.type()).isEqualTo("CEL");
    });
    assertThat(ContractCodec.json(rules).text()).isEqualTo(
        "{\"domainRules\":[{\"name\":\"r\",\"kind\":\"CONDITION\",\"type\":\"CEL\",\"expr\":\"1.50\"}]}");
    assertThat(ContractCodec.canonicalRuleSet(new RawJson("{}")).text()).isEqualTo("{}");
  }

  @Test
  void textThatIsNotJsonIsAFormatError() {
    assertThatThrownBy(() -> ContractCodec.metadata(new RawJson("{")))
        .isInstanceOf(RecordFormatException.class);
  }
}
