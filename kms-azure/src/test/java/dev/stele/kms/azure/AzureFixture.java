package dev.stele.kms.azure;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/**
 * One {@link AzureDouble} for the test JVM, started on first use: its certificate becomes the
 * JVM's default trust (so the drivers' unconfigured HTTP clients trust it, as an operator's JVM
 * trusts Azure) and the Azure SDK's documented {@code AZURE_AUTHORITY_HOST} setting (read from the
 * system properties as from the environment) points Entra ID sign-ins at it. Once per JVM because
 * both are JVM-wide; the ServiceLoader's drivers live as long. Closed when the JVM exits.
 */
final class AzureFixture {
  static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  static final String VAULT = "https://stele.vault.azure.net";
  private static AzureDouble azure;

  private AzureFixture() {}

  static synchronized AzureDouble azure() throws Exception {
    if (azure == null) {
      Path dir = Files.createTempDirectory("azure-double");
      DoubleCertificate certificate = new DoubleCertificate(dir, "stele.vault.azure.net", "other.vault.azure.net",
          "login.microsoftonline.com");
      SSLContext.setDefault(certificate.trust());
      azure = new AzureDouble(certificate.server(), TENANT);
      System.setProperty("AZURE_AUTHORITY_HOST", "https://login.microsoftonline.com:" + azure.port() + "/");
      Runtime.getRuntime().addShutdownHook(new Thread(azure::close));
    }
    return azure;
  }

  /** The key id of {@code name} at {@code version} in the test vault, as a KEK names it. */
  static String keyId(String name, String version) throws Exception {
    return VAULT + ":" + azure().port() + "/keys/" + name + (version == null ? "" : "/" + version);
  }
}
