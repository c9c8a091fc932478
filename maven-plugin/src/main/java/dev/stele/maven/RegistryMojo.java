package dev.stele.maven;

import dev.stele.client.CachedSchemaRegistryClient;
import dev.stele.client.ClientConfig;
import dev.stele.client.RestClientException;
import dev.stele.client.SchemaRegistryClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters every goal of Confluent's plugin shares, with their names. The registry client is
 * made on first use, so goals that can work without a server (validate without registry
 * references) never need {@code schemaRegistryUrls}.
 */
abstract class RegistryMojo extends AbstractMojo {
  /** The registry's URLs, tried in turn. Required by every goal that talks to a registry. */
  @Parameter
  List<String> schemaRegistryUrls;

  /** {@code user:password} for HTTP basic authentication. */
  @Parameter
  String userInfoConfig;

  /** Headers sent with every request (the client's {@code request.header.*}). */
  @Parameter
  Map<String, String> httpHeaders;

  /** Skips the goal. */
  @Parameter(property = "kafka-schema-registry.skip", defaultValue = "false")
  boolean skip;

  /**
   * Confluent's {@code SchemaProvider} class names. Not supported: Stele's formats (AVRO, JSON,
   * PROTOBUF) are built in, and a Confluent provider class cannot be loaded; setting it fails.
   */
  @Parameter
  List<String> schemaProviders;

  /** Client settings in the Java client's keys (TLS, timeouts, bearer auth...; docs/client-config.md). */
  @Parameter
  Map<String, String> configs;

  private ClientConfig config;
  private SchemaRegistryClient client;
  private ContractCalls contractCalls;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipped (skip is true, -Dkafka-schema-registry.skip)");
      return;
    }
    if (schemaProviders != null && !schemaProviders.isEmpty()) {
      throw new MojoExecutionException("schemaProviders is not supported by stele-maven-plugin: its AVRO,"
          + " JSON and PROTOBUF formats are built in and a Confluent SchemaProvider class cannot be loaded;"
          + " remove <schemaProviders> " + schemaProviders);
    }
    run();
  }

  abstract void run() throws MojoExecutionException, MojoFailureException;

  /** The goal's name, for messages. */
  abstract String goal();

  private ClientConfig config() throws MojoExecutionException {
    if (config == null) {
      config = new ClientSettings(schemaRegistryUrls, userInfoConfig, httpHeaders, configs).config(goal());
    }
    return config;
  }

  SchemaRegistryClient client() throws MojoExecutionException {
    if (client == null) {
      client = new CachedSchemaRegistryClient(config());
    }
    return client;
  }

  /** Registration and compatibility calls that carry metadata and rule sets. */
  ContractCalls contractCalls() throws MojoExecutionException {
    if (contractCalls == null) {
      contractCalls = new ContractCalls(config());
    }
    return contractCalls;
  }

  /** A registry call that failed, as a build error saying what was asked and why it failed. */
  MojoExecutionException failed(String what, Exception e) {
    if (e instanceof RestClientException rest) {
      return new MojoExecutionException(what + ": the registry answered HTTP " + rest.status() + ": "
          + rest.getMessage(), e);
    }
    if (e instanceof IOException) {
      return new MojoExecutionException(what + ": cannot reach the registry at " + schemaRegistryUrls + " ("
          + e.getMessage() + ")", e);
    }
    return new MojoExecutionException(what + ": " + e.getMessage(), e);
  }
}
