package dev.stele.kms.aws;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The doubles' check of AWS Signature Version 4, as AWS documents it ("Create a signed AWS API
 * request"): the canonical request of the method, path, query, the signed headers and the
 * payload's SHA-256, the string to sign with the credential scope, and the signing key derived
 * from the secret, date, region and service. A request signed with another secret fails it.
 */
final class SigV4Check {
  private static final Pattern AUTHORIZATION = Pattern.compile(
      "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)");

  /** What the Authorization header claims. */
  record Claim(String accessKeyId, String date, String region, String service, String signedHeaders, String signature) {}

  private SigV4Check() {}

  static Claim claim(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    Matcher m = header == null ? null : AUTHORIZATION.matcher(header);
    if (m == null || !m.matches()) {
      return null;
    }
    return new Claim(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6));
  }

  static boolean verify(HttpExchange exchange, Claim claim, String secret, byte[] body) throws GeneralSecurityException {
    StringBuilder canonical = new StringBuilder();
    canonical.append(exchange.getRequestMethod()).append('\n');
    String path = exchange.getRequestURI().getRawPath();
    canonical.append(path == null || path.isEmpty() ? "/" : path).append('\n');
    String query = exchange.getRequestURI().getRawQuery();
    canonical.append(query == null ? "" : query).append('\n');
    for (String name : claim.signedHeaders().split(";")) {
      String value = name.equals("host") ? exchange.getRequestHeaders().getFirst("Host")
          : exchange.getRequestHeaders().getFirst(name);
      canonical.append(name).append(':').append(value == null ? "" : value.trim().replaceAll(" +", " ")).append('\n');
    }
    canonical.append('\n').append(claim.signedHeaders()).append('\n').append(hex(sha256(body)));
    String scope = claim.date() + "/" + claim.region() + "/" + claim.service() + "/aws4_request";
    String toSign = "AWS4-HMAC-SHA256\n" + exchange.getRequestHeaders().getFirst("X-Amz-Date") + "\n" + scope + "\n"
        + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), claim.date());
    key = hmac(key, claim.region());
    key = hmac(key, claim.service());
    key = hmac(key, "aws4_request");
    return MessageDigest.isEqual(hex(hmac(key, toSign)).getBytes(StandardCharsets.UTF_8),
        claim.signature().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] data) throws GeneralSecurityException {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }

  private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
