package dev.stele.acceptance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.stele.http.auth.PasswordHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * The people of the console's tests: admin (everything), alice ({@code alice-*}, read and
 * write) and reader ({@code alice-*} and the global settings, read only) in a users file,
 * password NAME-secret; pat, known only by a bearer token with the role
 * payments ({@code alice-payments*}, read), signed by a key whose public half is {@link #pem}.
 */
record ConsoleUsers(Path usersFile, Path pem, String patToken) {
  static ConsoleUsers write(Path dir) throws IOException, JOSEException {
    Path users = Files.writeString(dir.resolve("users.conf"), "user admin " + hash("admin") + " admins\n"
        + "user alice " + hash("alice") + "\n"
        + "user reader " + hash("reader") + "\n"
        + "allow role:admins all subject:*\n"
        + "allow role:admins all global\n"
        + "allow user:alice read,write subject:alice-*\n"
        + "allow user:reader read subject:alice-*\n"
        + "allow user:reader read global\n"
        + "allow role:payments read subject:alice-payments*\n");
    ECKey key = new ECKeyGenerator(Curve.P_256).generate();
    Path pem = Files.writeString(dir.resolve("jwt.pem"), "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(key.toECPublicKey().getEncoded())
        + "\n-----END PUBLIC KEY-----\n");
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), new JWTClaimsSet.Builder()
        .subject("pat").claim("roles", List.of("payments"))
        .expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build());
    jwt.sign(new ECDSASigner(key));
    return new ConsoleUsers(users, pem, jwt.serialize());
  }

  /** The Authorization header of a users-file user. */
  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + user + "-secret").getBytes(StandardCharsets.UTF_8));
  }

  /** Few iterations: the hash is checked once per user and run. */
  private static String hash(String user) {
    return PasswordHash.hash((user + "-secret").toCharArray(), 1000);
  }
}
