package dev.stele.kms.aws;

import dev.stele.kms.AbstractKmsDriver;
import dev.stele.kms.KmsKey;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Confluent's {@code aws-kms}: the KEK is an AWS KMS key named by its ARN ({@link KeyArn}), reached
 * with the credentials {@link AwsSettings} describes. A DEK is wrapped by KMS {@code Encrypt} with
 * no encryption context, and the wrapped DEK is the {@code CiphertextBlob} KMS answers, exactly
 * what Confluent's clients store; {@code Decrypt} names the KEK's key, so a DEK wrapped under
 * another key is refused rather than silently opened. The AWS SDK's own endpoint settings
 * ({@code AWS_ENDPOINT_URL_KMS}, {@code aws.endpointUrlKms}, ...) apply, e.g. for a VPC endpoint.
 *
 * <p>Thread-safe: one SDK client (itself thread-safe) per region and credentials, kept for the
 * driver's life in a concurrent map.
 */
public final class AwsKmsDriver extends AbstractKmsDriver {
  public static final String KMS_TYPE = "aws-kms";
  /** KMS's error codes that mean the caller's credentials or their rights, not the key or the data. */
  private static final Set<String> REFUSALS = Set.of("UnrecognizedClientException", "InvalidSignatureException",
      "AccessDeniedException", "ExpiredTokenException", "IncompleteSignature", "InvalidClientTokenId",
      "SignatureDoesNotMatch", "AccessDenied");
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final URI endpoint;
  private final Map<AwsSettings, KmsClient> clients = new ConcurrentHashMap<>();

  /** Reads the {@code AWS_ROLE_*} fallbacks from the process environment (the ServiceLoader's constructor). */
  public AwsKmsDriver() {
    this(System::getenv, null);
  }

  /**
   * @param environment looks up environment variables (tests give their own)
   * @param endpoint where KMS and STS are reached instead of AWS's endpoints, or null
   */
  public AwsKmsDriver(UnaryOperator<String> environment, URI endpoint) {
    super(KMS_TYPE, environment);
    this.endpoint = endpoint;
  }

  @Override
  public byte[] wrap(KmsKey key, byte[] plaintext) throws GeneralSecurityException {
    KeyArn arn = KeyArn.parse(key.kmsKeyId());
    AwsSettings settings = settings(arn, key);
    try {
      return client(settings).encrypt(r -> r.keyId(arn.arn()).plaintext(SdkBytes.fromByteArray(plaintext)))
          .ciphertextBlob().asByteArray();
    } catch (SdkException e) {
      throw failure("encrypt", arn, settings, e);
    }
  }

  @Override
  public byte[] unwrap(KmsKey key, byte[] ciphertext) throws GeneralSecurityException {
    KeyArn arn = KeyArn.parse(key.kmsKeyId());
    AwsSettings settings = settings(arn, key);
    try {
      DecryptResponse response = client(settings).decrypt(r -> r.keyId(arn.arn())
          .ciphertextBlob(SdkBytes.fromByteArray(ciphertext)));
      return response.plaintext().asByteArray();
    } catch (SdkException e) {
      throw failure("decrypt", arn, settings, e);
    }
  }

  private AwsSettings settings(KeyArn arn, KmsKey key) throws GeneralSecurityException {
    AwsSettings settings = AwsSettings.of(arn.region(), key, this::setting);
    if ((settings.accessKeyId() == null) != (settings.secretAccessKey() == null)) {
      throw new GeneralSecurityException("aws-kms needs both " + AwsSettings.ACCESS_KEY_ID + " and "
          + AwsSettings.SECRET_ACCESS_KEY + ", or neither (then " + AwsSettings.PROFILE
          + " or the AWS SDK's default credentials); key " + arn.arn() + " has only one");
    }
    return settings;
  }

  private KmsClient client(AwsSettings settings) {
    return clients.computeIfAbsent(settings, s -> {
      var builder = KmsClient.builder().region(Region.of(s.region())).credentialsProvider(credentials(s))
          .httpClientBuilder(UrlConnectionHttpClient.builder())
          .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT));
      if (endpoint != null) {
        builder.endpointOverride(endpoint);
      }
      return builder.build();
    });
  }

  private AwsCredentialsProvider credentials(AwsSettings s) {
    AwsCredentialsProvider base = s.staticKeys()
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey()))
        : s.profile() != null ? ProfileCredentialsProvider.create(s.profile())
        : DefaultCredentialsProvider.builder().build();
    if (s.roleArn() == null) {
      return base;
    }
    var sts = StsClient.builder().region(Region.of(s.region())).credentialsProvider(base)
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (endpoint != null) {
      sts.endpointOverride(endpoint);
    }
    String session = s.roleSessionName() != null ? s.roleSessionName() : "stele-kms";
    return StsAssumeRoleCredentialsProvider.builder().stsClient(sts.build()).refreshRequest(r -> {
      r.roleArn(s.roleArn()).roleSessionName(session);
      if (s.roleExternalId() != null) {
        r.externalId(s.roleExternalId());
      }
    }).asyncCredentialUpdateEnabled(false).build();
  }

  private static GeneralSecurityException failure(String operation, KeyArn arn, AwsSettings settings,
      SdkException e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      String code = aws.awsErrorDetails().errorCode();
      String reason = code + ": " + aws.awsErrorDetails().errorMessage();
      if (REFUSALS.contains(code)) {
        return new GeneralSecurityException("AWS KMS refused " + settings.describe() + " for " + operation
            + " with key " + arn.arn() + " (" + reason + "): check the credentials and the key's policy", e);
      }
      return new GeneralSecurityException("AWS KMS could not " + operation + " with key " + arn.arn() + " ("
          + reason + ")", e);
    }
    return new GeneralSecurityException("could not " + operation + " with AWS KMS key " + arn.arn() + " using "
        + settings.describe() + ": " + e.getMessage(), e);
  }
}
