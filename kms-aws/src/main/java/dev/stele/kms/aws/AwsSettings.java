package dev.stele.kms.aws;

import dev.stele.kms.AbstractKmsDriver;
import dev.stele.kms.KmsKey;

/**
 * Where the driver's AWS credentials come from, with Confluent's property keys, read from a KEK's
 * {@code kmsProps} (or a client's executor params): a static key pair ({@code access.key.id} and
 * {@code secret.access.key}), else a named {@code profile} of the shared AWS files, else the AWS
 * SDK's default chain (environment, system properties, web identity, container or instance
 * role). On top of any of them, {@code role.arn} (else {@code AWS_ROLE_ARN}) assumes that role
 * through STS, with {@code role.session.name} ({@code AWS_ROLE_SESSION_NAME}) and
 * {@code role.external.id} ({@code AWS_ROLE_EXTERNAL_ID}). A value, used as a cache key for one
 * KMS client per region and credentials; {@link #toString} never shows the secret key.
 */
record AwsSettings(String region, String accessKeyId, String secretAccessKey, String profile, String roleArn,
    String roleSessionName, String roleExternalId) {
  static final String ACCESS_KEY_ID = "access.key.id";
  static final String SECRET_ACCESS_KEY = "secret.access.key";
  static final String PROFILE = "profile";
  static final String ROLE_ARN = "role.arn";
  static final String ROLE_SESSION_NAME = "role.session.name";
  static final String ROLE_EXTERNAL_ID = "role.external.id";

  static AwsSettings of(String region, KmsKey key, AbstractKmsDriver.Setting settings) {
    return new AwsSettings(region, settings.of(key, ACCESS_KEY_ID, null), settings.of(key, SECRET_ACCESS_KEY, null),
        settings.of(key, PROFILE, null), settings.of(key, ROLE_ARN, "AWS_ROLE_ARN"),
        settings.of(key, ROLE_SESSION_NAME, "AWS_ROLE_SESSION_NAME"),
        settings.of(key, ROLE_EXTERNAL_ID, "AWS_ROLE_EXTERNAL_ID"));
  }

  boolean staticKeys() {
    return accessKeyId != null && secretAccessKey != null;
  }

  /** What a refusal names, so the operator knows which setting to look at. */
  String describe() {
    String base = staticKeys() ? "the access key " + accessKeyId + " (" + ACCESS_KEY_ID + "/" + SECRET_ACCESS_KEY + ")"
        : profile != null ? "the profile " + profile + " (" + PROFILE + ")"
        : "the AWS SDK's default credentials (no " + ACCESS_KEY_ID + " or " + PROFILE + " set)";
    return roleArn == null ? base : "the role " + roleArn + " (" + ROLE_ARN + ") assumed with " + base;
  }

  @Override
  public String toString() {
    return "AwsSettings[" + region + ", " + describe() + "]";
  }
}
