package dev.stele.http;

import dev.stele.http.auth.BasicAuthenticator;
import dev.stele.http.auth.PasswordHash;
import dev.stele.http.auth.Security;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * The users of examples/secure (admin, reader, alice; password NAME-secret) with the same rules,
 * hashed with few iterations so that tests stay quick.
 */
final class TestUsers {
  static final String RULES = """
      allow role:admins all subject:*
      allow role:admins all global
      allow role:readers read subject:*
      allow role:readers read global
      allow user:alice read,write subject:alice-*
      """;

  private TestUsers() {}

  static Path write(Path dir) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String[] user : new String[][] {{"admin", "admins"}, {"reader", "readers"}, {"alice", ""}}) {
      text.append("user ").append(user[0]).append(' ')
          .append(PasswordHash.hash((user[0] + "-secret").toCharArray(), 1000)).append(' ')
          .append(user[1]).append('\n');
    }
    Path file = dir.resolve("users.conf");
    Files.writeString(file, text + RULES);
    return file;
  }

  /** Basic authentication over these users, written into {@code dir}, under the realm "Stele test". */
  static Security security(Path dir, List<String> openPaths) throws IOException {
    return Security.basic(BasicAuthenticator.open(write(dir)), "Stele test", openPaths);
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + user + "-secret").getBytes(StandardCharsets.UTF_8));
  }
}
