package dev.stele.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasicAuthenticatorTest {
  @TempDir Path dir;
  final AtomicLong clock = new AtomicLong(1_000_000_000L);

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String user(String name, String password, String roles) {
    return "user " + name + " " + PasswordHash.hash(password.toCharArray(), 1000) + " " + roles + "\n";
  }

  private Path write(String text, long mtimeSeconds) throws IOException {
    Path file = dir.resolve("users");
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(mtimeSeconds)));
    return file;
  }

  private BasicAuthenticator open(Path file) throws IOException {
    return new BasicAuthenticator(file, clock::get);
  }

  @Test
  void rightCredentialsGiveThePrincipalAndAreCached() throws IOException {
    BasicAuthenticator auth = open(write(user("alice", "pw:with:colons", "team-a"), 100));
    String header = basic("alice", "pw:with:colons");
    assertThat(auth.cached(header)).isNull();
    Principal alice = auth.verify(header);
    assertThat(alice).isEqualTo(new Principal("alice", java.util.Set.of("team-a")));
    assertThat(auth.cached(header)).isEqualTo(alice);
    assertThat(auth.cached("basic " + header.substring(6))).as("another header text").isNull();
  }

  @Test
  void refusedCredentialsAreRememberedUntilTheFileChanges() throws IOException {
    BasicAuthenticator auth = open(write(user("alice", "old", ""), 100));
    String header = basic("alice", "new");
    assertThat(auth.refusedBefore(header)).isFalse();
    assertThat(auth.verify(header)).isNull();
    assertThat(auth.refusedBefore(header)).isTrue();
    assertThat(auth.cached(header)).isNull();
    assertThat(auth.refusedBefore(basic("alice", "old"))).isFalse();

    write(user("alice", "new", ""), 200);
    clock.addAndGet(TimeUnit.SECONDS.toNanos(2));
    assertThat(auth.refusedBefore(header)).as("forgotten with the old file").isFalse();
    assertThat(auth.verify(header)).isNotNull();
  }

  @Test
  void wrongOrMalformedCredentialsAreRefusedAndNotCached() throws IOException {
    BasicAuthenticator auth = open(write(user("alice", "pw", ""), 100));
    for (String header : new String[] {basic("alice", "wrong"), basic("bob", "pw"), basic("alice", ""),
        "Basic !!!", "Bearer abc", "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes()),
        "", "Basic"}) {
      assertThat(auth.verify(header)).as(header).isNull();
      assertThat(auth.cached(header)).as(header).isNull();
    }
    assertThat(auth.verify(null)).isNull();
  }

  @Test
  void aChangedFileIsReadAgainAtMostOnceASecondAndDropsTheCache() throws IOException {
    BasicAuthenticator auth = open(write(user("alice", "old", ""), 100));
    String oldHeader = basic("alice", "old");
    assertThat(auth.verify(oldHeader)).isNotNull();

    write(user("alice", "new", "") + "allow user:alice read global\n", 200);
    assertThat(auth.cached(oldHeader)).as("not checked again within the second").isNotNull();
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(1001));
    assertThat(auth.cached(oldHeader)).as("cache dropped with the old file").isNull();
    assertThat(auth.verify(oldHeader)).isNull();
    assertThat(auth.verify(basic("alice", "new"))).isNotNull();
    assertThat(auth.policy().allows(new Principal("alice", java.util.Set.of()), Operation.READ,
        Resource.GLOBAL)).isTrue();
  }

  @Test
  void aBrokenChangeKeepsThePreviousUsers() throws IOException {
    Path file = write(user("alice", "pw", ""), 100);
    BasicAuthenticator auth = open(file);
    write("user alice not-a-hash\n", 200);
    clock.addAndGet(TimeUnit.SECONDS.toNanos(2));
    assertThat(auth.verify(basic("alice", "pw"))).isNotNull();
    Files.delete(file);
    clock.addAndGet(TimeUnit.SECONDS.toNanos(2));
    assertThat(auth.verify(basic("alice", "pw"))).as("a deleted file keeps the last users").isNotNull();
  }

  @Test
  void aBrokenFileAtStartIsAnErrorNamingFileAndLine() throws IOException {
    Path file = write("# users\nuser alice nothash\n", 100);
    assertThatThrownBy(() -> open(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("line 2");
    assertThatThrownBy(() -> open(dir.resolve("missing"))).isInstanceOf(IOException.class);
  }
}
