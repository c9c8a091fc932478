package dev.stele.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** subjects, schemaTypes and references read together: order, decoding and the mistakes refused. */
class SubjectPlanTest {
  @TempDir
  Path dir;

  private File file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text).toFile();
  }

  static PlexusConfiguration references(String subject, String... nameSubjectVersion) {
    XmlPlexusConfiguration root = new XmlPlexusConfiguration("references");
    XmlPlexusConfiguration list = new XmlPlexusConfiguration(subject);
    for (int i = 0; i < nameSubjectVersion.length; i += 3) {
      XmlPlexusConfiguration reference = new XmlPlexusConfiguration("reference");
      reference.addChild("name", nameSubjectVersion[i]);
      reference.addChild("subject", nameSubjectVersion[i + 1]);
      if (nameSubjectVersion[i + 2] != null) {
        reference.addChild("version", nameSubjectVersion[i + 2]);
      }
      list.addChild(reference);
    }
    root.addChild(list);
    return root;
  }

  @Test
  void referencedSubjectsOfTheRunComeFirstAndNamesAreDecoded() throws Exception {
    Map<String, File> subjects = new LinkedHashMap<>();
    subjects.put("order_x2Dvalue", file("order.proto", "syntax = \"proto3\";"));
    subjects.put("common-value", file("common.proto", "syntax = \"proto3\";"));
    Map<String, List<Reference>> references = Reference.parse(
        references("order_x2Dvalue", "common.proto", "common-value", null), true);
    List<SubjectSchema> plan = SubjectPlan.of(subjects,
        Map.of("order_x2Dvalue", "protobuf", "common-value", "PROTOBUF"), references, true);
    assertThat(plan).extracting(SubjectSchema::subject).containsExactly("common-value", "order-value");
    assertThat(plan.get(1).references()).containsExactly(new Reference("common.proto", "common-value", null));
    assertThat(plan.get(1).format().type()).isEqualTo("PROTOBUF");
  }

  @Test
  void aMissingTypeIsAvroAndAnUnknownOneFails() throws Exception {
    Map<String, File> subjects = Map.of("a", file("a.avsc", "\"int\""));
    assertThat(SubjectPlan.of(subjects, null, Map.of(), true).get(0).format().type()).isEqualTo("AVRO");
    assertThatThrownBy(() -> SubjectPlan.of(subjects, Map.of("a", "XML"), Map.of(), true))
        .hasMessageContaining("schemaTypes: a: unknown schema type 'XML'");
  }

  @Test
  void keysThatNameNoSubjectFilesThatCannotBeReadAndCyclesFail() throws Exception {
    Map<String, File> subjects = new LinkedHashMap<>();
    subjects.put("a", file("a.avsc", "\"int\""));
    subjects.put("b", file("b.avsc", "\"int\""));
    assertThatThrownBy(() -> SubjectPlan.of(subjects, Map.of("c", "AVRO"), Map.of(), true))
        .hasMessageContaining("schemaTypes: 'c' is not one of the subjects configured");
    assertThatThrownBy(() -> SubjectPlan.of(Map.of("a", dir.resolve("missing.avsc").toFile()), null, Map.of(), true))
        .hasMessageContaining("subjects: a: cannot read");
    Map<String, List<Reference>> cycle = Map.of(
        "a", List.of(new Reference("B", "b", null)), "b", List.of(new Reference("A", "a", null)));
    assertThatThrownBy(() -> SubjectPlan.of(subjects, null, cycle, true))
        .hasMessageContaining("cycle: a -> b -> a");
    assertThatThrownBy(() -> SubjectPlan.of(Map.of(), null, Map.of(), true)).hasMessageContaining("subjects: name at least one");
  }

  @Test
  void aReferenceIsCheckedElementByElement() throws Exception {
    assertThat(Reference.parse(references("a", "n", "s", "3"), true).get("a")).containsExactly(new Reference("n", "s", 3));
    assertThat(Reference.parse(references("a", "n", "s", "-1"), true).get("a")).containsExactly(new Reference("n", "s", null));
    assertThatThrownBy(() -> Reference.parse(references("a", "n", "s", "latest"), true))
        .hasMessageContaining("<version>latest</version> of n is not a version number");
    assertThatThrownBy(() -> Reference.parse(references("a", "n", null, null), true))
        .hasMessageContaining("a <reference> needs a <name>");
    XmlPlexusConfiguration typo = (XmlPlexusConfiguration) references("a", "n", "s", null);
    ((XmlPlexusConfiguration) typo.getChild("a").getChild("reference")).addChild("versoin", "1");
    assertThatThrownBy(() -> Reference.parse(typo, true)).hasMessageContaining("<reference> has no <versoin>");
  }
}
