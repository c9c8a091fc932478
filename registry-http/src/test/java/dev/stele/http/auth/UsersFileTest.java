package dev.stele.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class UsersFileTest {
  static final String HASH = PasswordHash.hash("pw".toCharArray(), 1000);

  @Test
  void readsUsersRolesAndRules() {
    UsersFile file = UsersFile.parse("""
        # comment

        user admin %s admins,ops
        user\tbob   %s
        allow role:admins all subject:*
        allow user:bob read,write subject:bob-*
        """.formatted(HASH, HASH));
    assertThat(file.users()).containsOnlyKeys("admin", "bob");
    assertThat(file.users().get("admin").roles()).containsExactlyInAnyOrder("admins", "ops");
    assertThat(file.users().get("bob").roles()).isEmpty();
    assertThat(file.users().get("bob").hash().matches("pw".toCharArray())).isTrue();
    assertThat(file.policy().rules()).containsExactly(
        new Rule("role:admins", Set.of(Operation.values()), "subject:*"),
        new Rule("user:bob", Set.of(Operation.READ, Operation.WRITE), "subject:bob-*"));
  }

  @Test
  void errorsNameTheirLine() {
    assertError("user a\n", "line 1: expected: user NAME HASH");
    assertError("# x\nuser a notahash\n", "line 2: not a password hash");
    assertError("user a " + HASH + "\nuser a " + HASH + "\n", "line 2: user a is defined twice");
    assertError("user a:b " + HASH + "\n", "line 1: a user name cannot contain ':'");
    assertError("allow user:a read\n", "line 1: expected: allow WHO OPERATIONS RESOURCE");
    assertError("allow team:a read subject:x\n", "line 1: 'team:a' is not user:NAME");
    assertError("allow user:a rread subject:x\n", "line 1: 'rread' is not an operation");
    assertError("allow user:a read topic:x\n", "line 1: 'topic:x' is not global");
    assertError("allow user:a read subject-regex:(\n", "line 1: bad regular expression");
    assertError("deny user:a read global\n", "line 1: 'deny' is not user or allow");
  }

  private static void assertError(String text, String message) {
    assertThatThrownBy(() -> UsersFile.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }
}
