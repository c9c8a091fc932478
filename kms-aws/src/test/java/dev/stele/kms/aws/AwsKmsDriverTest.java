package dev.stele.kms.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.kms.KmsDrivers;
import dev.stele.kms.KmsKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The aws-kms driver, through the AWS SDK, against {@link AwsKmsDouble}, a double of KMS's and STS's documented APIs. */
class AwsKmsDriverTest {
  private static final byte[] DEK = "thirty-two bytes of a data key!!".getBytes(StandardCharsets.UTF_8);
  private static final String KEY = AwsKmsDouble.keyArn("eu-west-1", "1234abcd-12ab-34cd-56ef-1234567890ab");
  private static final String OTHER = AwsKmsDouble.keyArn("eu-west-1", "0000abcd-12ab-34cd-56ef-1234567890ab");
  private static final String ROLE = "arn:aws:iam::111122223333:role/registry";
  private static AwsKmsDouble aws;
  private static AwsKmsDriver driver;

  @BeforeAll
  static void start() throws Exception {
    aws = new AwsKmsDouble().withKey(KEY).withKey(OTHER).withAccessKey("AKIDSTELE", "stele-secret")
        .withRole(ROLE, "ext-1");
    driver = new AwsKmsDriver(variable -> null, aws.endpoint());
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  private static KmsKey key(String arn, String... props) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < props.length; i += 2) {
      map.put(props[i], props[i + 1]);
    }
    return KmsKey.of("aws-kms", arn, map);
  }

  @Test
  void wrapsIntoACiphertextBlobAndUnwrapsWithStaticKeys() throws Exception {
    KmsKey key = key(KEY, "access.key.id", "AKIDSTELE", "secret.access.key", "stele-secret");
    byte[] wrapped = driver.wrap(key, DEK);
    assertThat(wrapped).isNotEqualTo(DEK).hasSizeGreaterThan(DEK.length);
    assertThat(driver.unwrap(key, wrapped)).isEqualTo(DEK);
  }

  @Test
  void aDekWrappedUnderAnotherKeyIsRefused() throws Exception {
    byte[] wrapped = driver.wrap(key(OTHER, "access.key.id", "AKIDSTELE", "secret.access.key", "stele-secret"), DEK);
    assertThatThrownBy(() -> driver.unwrap(key(KEY, "access.key.id", "AKIDSTELE", "secret.access.key",
        "stele-secret"), wrapped)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("AWS KMS could not decrypt with key " + KEY).hasMessageContaining("IncorrectKeyException");
  }

  @Test
  void assumesARoleThroughStsWithTheExternalId() throws Exception {
    KmsKey key = key(KEY, "access.key.id", "AKIDSTELE", "secret.access.key", "stele-secret", "role.arn", ROLE,
        "role.external.id", "ext-1", "role.session.name", "registry");
    int before = aws.rolesAssumed();
    assertThat(driver.unwrap(key, driver.wrap(key, DEK))).isEqualTo(DEK);
    assertThat(aws.rolesAssumed()).as("credentials kept until they expire").isEqualTo(before + 1);
  }

  @Test
  void aRoleThatCannotBeAssumedIsRefusedNamingIt() {
    KmsKey key = key(KEY, "access.key.id", "AKIDSTELE", "secret.access.key", "stele-secret", "role.arn", ROLE,
        "role.external.id", "wrong");
    assertThatThrownBy(() -> driver.wrap(key, DEK)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("the role " + ROLE).hasMessageContaining("not authorized to perform: sts:AssumeRole");
  }

  @Test
  void aWrongSecretIsRefusedNamingTheAccessKeyNotTheSecret() {
    KmsKey key = key(KEY, "access.key.id", "AKIDSTELE", "secret.access.key", "not-the-secret");
    assertThatThrownBy(() -> driver.wrap(key, DEK)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("AWS KMS refused the access key AKIDSTELE (access.key.id/secret.access.key)")
        .hasMessageContaining("InvalidSignatureException").hasMessageNotContaining("not-the-secret");
  }

  @Test
  void anUnknownAccessKeyIsRefused() {
    KmsKey key = key(KEY, "access.key.id", "AKIDUNKNOWN", "secret.access.key", "whatever");
    assertThatThrownBy(() -> driver.wrap(key, DEK)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("AWS KMS refused the access key AKIDUNKNOWN").hasMessageContaining("UnrecognizedClientException");
  }

  @Test
  void halfAKeyPairIsRefused() {
    assertThatThrownBy(() -> driver.wrap(key(KEY, "access.key.id", "AKIDSTELE"), DEK))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("needs both access.key.id and secret.access.key");
  }

  @Test
  void anUnknownKeyFailsWithKmsReason() {
    String missing = AwsKmsDouble.keyArn("eu-west-1", "ffffffff-12ab-34cd-56ef-1234567890ab");
    assertThatThrownBy(() -> driver.wrap(key(missing, "access.key.id", "AKIDSTELE", "secret.access.key",
        "stele-secret"), DEK)).isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("NotFoundException").hasMessageContaining("does not exist");
  }

  @Test
  void aKmsKeyIdThatIsNotAnArnIsRefusedWithTheExpectedForm() {
    for (String bad : new String[] {"1234abcd-12ab-34cd-56ef-1234567890ab", "alias/orders",
        "arn:aws:s3:::bucket", "arn:aws:kms:eu-west-1:1111:key/x", "aws-kms://arn:aws:kms:eu-west-1:111122223333:key/x"}) {
      assertThatThrownBy(() -> driver.wrap(key(bad, "access.key.id", "AKIDSTELE", "secret.access.key", "s"), DEK))
          .as(bad).isInstanceOf(GeneralSecurityException.class)
          .hasMessageContaining("aws-kms kmsKeyId '" + bad + "' is refused").hasMessageContaining("arn:aws:kms:REGION");
    }
  }

  @Test
  void isFoundOnTheClassPath() {
    assertThat(KmsDrivers.loaded().find("aws-kms")).get().isInstanceOf(AwsKmsDriver.class);
  }
}
