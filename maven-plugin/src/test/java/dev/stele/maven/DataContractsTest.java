package dev.stele.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.junit.jupiter.api.Test;

/** Confluent's metadata and rule set elements as the registry's JSON. */
class DataContractsTest {
  /** A new element under {@code parent} (Plexus's addChild(name, value) answers the parent, not the child). */
  static PlexusConfiguration child(PlexusConfiguration parent, String name) {
    XmlPlexusConfiguration child = new XmlPlexusConfiguration(name);
    parent.addChild(child);
    return child;
  }

  @Test
  void metadataKeepsTagsPropertiesAndSensitiveKeysAndDecodesTagPaths() throws Exception {
    XmlPlexusConfiguration root = new XmlPlexusConfiguration("metadata");
    PlexusConfiguration subject = child(root, "orders_x2Fv");
    child(child(subject, "tags"), "_x2A_x2A.ssn").addChild("param", "PII");
    child(subject, "properties").addChild("owner", "team-a");
    child(subject, "sensitive").addChild("param", "owner");
    ObjectNode json = DataContracts.metadata(root, true).get("orders/v");
    assertThat(json.toString())
        .isEqualTo("{\"tags\":{\"**.ssn\":[\"PII\"]},\"properties\":{\"owner\":\"team-a\"},\"sensitive\":[\"owner\"]}");
  }

  @Test
  void aRuleTakesConfluentsFieldsAndNeedsANameAndAType() throws Exception {
    XmlPlexusConfiguration root = new XmlPlexusConfiguration("ruleSet");
    PlexusConfiguration subject = child(root, "orders");
    PlexusConfiguration rule = child(child(subject, "domainRules"), "rule");
    rule.addChild("name", "positive");
    rule.addChild("kind", "CONDITION");
    rule.addChild("type", "CEL");
    rule.addChild("expr", "message.total > 0");
    rule.addChild("disabled", "true");
    child(rule, "params").addChild("a", "b");
    subject.addChild("enableAt", "CLIENT");
    assertThat(DataContracts.ruleSets(root, true).get("orders").toString()).isEqualTo("{\"domainRules\":[{\"name\":"
        + "\"positive\",\"kind\":\"CONDITION\",\"type\":\"CEL\",\"expr\":\"message.total > 0\",\"disabled\":true,"
        + "\"params\":{\"a\":\"b\"}}],\"enableAt\":\"CLIENT\"}");

    rule.addChild("exprr", "x");
    assertThatThrownBy(() -> DataContracts.ruleSets(root, true)).hasMessageContaining("a rule has no <exprr>");
    XmlPlexusConfiguration nameless = new XmlPlexusConfiguration("ruleSet");
    child(child(child(nameless, "orders"), "migrationRules"), "rule").addChild("type", "CEL");
    assertThatThrownBy(() -> DataContracts.ruleSets(nameless, true)).hasMessageContaining("needs a <name> and a <type>");
  }
}
