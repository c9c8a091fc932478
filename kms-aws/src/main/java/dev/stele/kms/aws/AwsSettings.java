package dev.stele.kms.aws;

import java.util.Map;
import java.util.function.UnaryOperator;

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

  static AwsSettings of(String region, Map<String, String> props, UnaryOperator<String> environment) {
    return new AwsSettings(region, value(props, ACCESS_KEY_ID, environment, null),
        value(props, SECRET_ACCESS_KEY, environment, null), value(props, PROFILE, environment, null),
        value(props, ROLE_ARN, environment, "AWS_ROLE_ARN"),
        value(props, ROLE_SESSION_NAME, environment, "AWS_ROLE_SESSION_NAME"),
        value(props, ROLE_EXTERNAL_ID, environment, "AWS_ROLE_EXTERNAL_ID"));
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

  private static String value(Map<String, String> props, String key, UnaryOperator<String> environment,
      String variable) {
    String value = props.get(key);
    if ((value == null || value.isBlank()) && variable != null) {
      value = environment.apply(variable);
    }
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    return "AwsSettings[" + region + ", " + describe() + "]";
  }
}
