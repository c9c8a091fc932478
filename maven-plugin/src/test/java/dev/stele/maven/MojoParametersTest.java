package dev.stele.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.testkit.server.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals' parameters without a server: what is refused, and that it is refused before anything
 * would be sent (no URL is configured, so a goal that went on would fail on that instead).
 */
class MojoParametersTest {
  static final String USER = "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";

  @TempDir
  Path dir;

  private File file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text).toFile();
  }

  @Test
  void skipSkipsEvenAnEmptyConfiguration() throws Exception {
    RegisterMojo register = new RegisterMojo();
    register.skip = true;
    register.execute();
    TestLocalCompatibilityMojo local = new TestLocalCompatibilityMojo();
    local.skip = true;
    local.execute();
  }

  @Test
  void schemaProvidersCannotBeLoadedSoSettingThemFailsTheBuild() throws Exception {
    RegisterMojo providers = new RegisterMojo();
    providers.subjects = Map.of("a", file("a.avsc", USER));
    providers.schemaProviders = List.of("io.confluent.kafka.schemaregistry.avro.AvroSchemaProvider");
    assertThatThrownBy(providers::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("schemaProviders is not supported");
  }

  @Test
  void metadataAndRuleSetsAreCheckedElementByElementBeforeAnyCall() throws Exception {
    ValidateMojo typo = new ValidateMojo();
    typo.subjects = Map.of("a", file("a.avsc", USER));
    typo.metadata = new XmlPlexusConfiguration("metadata");
    DataContractsTest.child(DataContractsTest.child(typo.metadata, "a"), "propreties").addChild("owner", "team");
    assertThatThrownBy(typo::execute).hasMessageContaining("metadata of a: <propreties> is not one of");

    TestCompatibilityMojo elsewhere = new TestCompatibilityMojo();
    elsewhere.subjects = Map.of("a", file("a.avsc", USER));
    elsewhere.ruleSet = new XmlPlexusConfiguration("ruleSet");
    DataContractsTest.child(DataContractsTest.child(elsewhere.ruleSet, "b"), "domainRules");
    assertThatThrownBy(elsewhere::execute).hasMessageContaining("ruleSet: 'b' is not one of the subjects configured");
  }

  @Test
  void validateNeedsNoRegistryAndFailsTheBuildOnABadSchema() throws Exception {
    ValidateMojo good = new ValidateMojo();
    good.subjects = Map.of("a", file("a.avsc", USER));
    good.execute();

    ValidateMojo bad = new ValidateMojo();
    bad.subjects = Map.of("a", file("a.avsc", USER), "b", file("b.avsc", "{\"type\":\"record\",\"name\":\"B\"}"));
    assertThatThrownBy(bad::execute).isInstanceOf(MojoFailureException.class).hasMessage("invalid schemas: [b]");
  }

  @Test
  void validateReadsAReferenceOutsideTheRunFromTheRegistryAndSaysWhyItNeedsOne() throws Exception {
    ValidateMojo mojo = new ValidateMojo();
    mojo.subjects = Map.of("customer", file("c.avsc",
        "{\"type\":\"record\",\"name\":\"C\",\"fields\":[{\"name\":\"a\",\"type\":\"shop.Address\"}]}"));
    mojo.references = SubjectPlanTest.references("customer", "shop.Address", "address-value", null);
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class);
    // The reason is logged per subject; the summary counts it as an error, not an invalid schema.
    assertThatThrownBy(mojo::execute).hasMessageContaining("validate: 1 of 1 subjects could not be processed");
  }

  @Test
  void anUnreachableRegistryStopsTheGoalAtTheFirstSubject() throws Exception {
    RegisterMojo mojo = new RegisterMojo();
    mojo.subjects = Map.of("a", file("a.avsc", USER), "b", file("b.avsc", USER));
    // A port nobody listens on; no retries, so the refusal is immediate.
    mojo.schemaRegistryUrls = List.of("http://127.0.0.1:" + ChildJvm.freePort());
    mojo.configs = Map.of("max.retries", "0");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("register").hasMessageContaining("cannot reach the registry at");
  }

  /** LENIENT lets an open JSON Schema object gain a property, as the registry does; STRICT not. */
  @Test
  void testLocalCompatibilityHonoursLenient() throws Exception {
    TestLocalCompatibilityMojo mojo = new TestLocalCompatibilityMojo();
    mojo.schemas = Map.of("doc", file("new.json", "{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"string\"}}}"));
    mojo.previousSchemaPaths = Map.of("doc", file("old.json", "{\"type\":\"object\"}"));
    mojo.schemaTypes = Map.of("doc", "JSON");
    mojo.compatibilityLevels = Map.of("doc", "BACKWARD");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    mojo.compatibilityPolicies = Map.of("doc", "LENIENT");
    mojo.execute();
  }

  @Test
  void testLocalCompatibilityRefusesPoliciesAndKeysItCannotHonour() throws Exception {
    TestLocalCompatibilityMojo mojo = new TestLocalCompatibilityMojo();
    mojo.schemas = Map.of("users", file("new.avsc", USER));
    mojo.previousSchemaPaths = Map.of("users", file("old.avsc", USER));
    mojo.compatibilityLevels = Map.of("users", "full");
    mojo.execute();

    mojo.compatibilityPolicies = Map.of("users", "LOGICAL");
    assertThatThrownBy(mojo::execute).hasMessageContaining("compatibilityPolicies: 'LOGICAL' for users is not supported");
    mojo.compatibilityPolicies = Map.of("users", "lenient");
    mojo.execute();
    mojo.compatibilityPolicies = Map.of("users", "strict");
    mojo.execute();

    mojo.compatibilityLevels = Map.of("users", "SIDEWAYS");
    assertThatThrownBy(mojo::execute).hasMessageContaining("'SIDEWAYS' for users is not a level");
    mojo.compatibilityLevels = Map.of("user", "FULL");
    assertThatThrownBy(mojo::execute).hasMessageContaining("compatibilityLevels: 'user' is not one of the subjects");
  }

  @Test
  void downloadAndSetCompatibilityCheckTheirValuesBeforeAnyCall() throws Exception {
    DownloadMojo download = new DownloadMojo();
    download.subjectPatterns = List.of("a.*", "b");
    download.versions = List.of("latest");
    download.outputDirectory = dir.toFile();
    assertThatThrownBy(download::execute).hasMessageContaining("versions: give one version per pattern");
    download.versions = null;
    download.subjectPatterns = List.of("a(");
    assertThatThrownBy(download::execute).hasMessageContaining("subjectPatterns: 'a(' is not a regular expression");
    download.subjectPatterns = List.of("a.*");
    download.schemaExtension = "avsc";
    assertThatThrownBy(download::execute).hasMessageContaining("schemaExtension must begin with '.'");
    download.schemaExtension = null;
    assertThatThrownBy(download::execute).hasMessageContaining("download talks to a registry");

    SetCompatibilityMojo set = new SetCompatibilityMojo();
    set.compatibilityLevels = Map.of("a", "FULL", "b", "SIDEWAYS");
    assertThatThrownBy(set::execute).hasMessageContaining("'SIDEWAYS' for b is not a level");
  }
}
