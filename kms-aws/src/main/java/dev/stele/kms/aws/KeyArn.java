package dev.stele.kms.aws;

import java.security.GeneralSecurityException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AWS KMS key as Confluent's aws-kms driver names it in a KEK's {@code kmsKeyId}: its ARN,
 * {@code arn:aws:kms:us-east-1:111122223333:key/1234abcd-...} or an alias ARN
 * {@code arn:aws:kms:us-east-1:111122223333:alias/orders}. The region the requests go to is the
 * ARN's, as in Confluent's clients, so one driver serves keys of every region.
 */
record KeyArn(String arn, String region) {
  static final String FORM = "a key or alias ARN, arn:aws:kms:REGION:ACCOUNT:key/ID or arn:aws:kms:REGION:ACCOUNT:alias/NAME";
  private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:kms:([a-z0-9-]+):\\d{12}:(key|alias)/[A-Za-z0-9/_+=,.@-]+");

  static KeyArn parse(String kmsKeyId) throws GeneralSecurityException {
    Matcher m = ARN.matcher(kmsKeyId);
    if (!m.matches()) {
      throw new GeneralSecurityException("aws-kms kmsKeyId '" + kmsKeyId + "' is refused: it must be " + FORM);
    }
    return new KeyArn(kmsKeyId, m.group(1));
  }
}
