package dev.stele.http.auth;

import static dev.stele.http.auth.Operation.ADMIN;
import static dev.stele.http.auth.Operation.DELETE;
import static dev.stele.http.auth.Operation.READ;
import static dev.stele.http.auth.Operation.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyTest {
  static final Principal ALICE = new Principal("alice", Set.of());
  static final Principal READER = new Principal("rita", Set.of("readers"));
  static final Principal OPS = new Principal("olga", Set.of("ops"));
  static final Principal NOBODY = new Principal("nobody", Set.of());

  static final Policy POLICY = Policy.of(List.of(
      new Rule("user:alice", Rule.operations("read,write"), "subject:alice-*"),
      new Rule("role:readers", Rule.operations("read"), "subject:*"),
      new Rule("role:readers", Rule.operations("read"), "global"),
      new Rule("role:ops", Rule.operations("all"), "subject-regex:[a-z]+-(key|value)"),
      new Rule("role:ops", Rule.operations("admin"), "global"),
      new Rule("*", Rule.operations("read"), "subject:public")));

  @Test
  void prefixRulesGrantTheirOperationsOnMatchingSubjectsOnly() {
    assertThat(POLICY.allows(ALICE, READ, Resource.subject("alice-value"))).isTrue();
    assertThat(POLICY.allows(ALICE, WRITE, Resource.subject("alice-"))).isTrue();
    assertThat(POLICY.allows(ALICE, DELETE, Resource.subject("alice-value"))).isFalse();
    assertThat(POLICY.allows(ALICE, ADMIN, Resource.subject("alice-value"))).isFalse();
    assertThat(POLICY.allows(ALICE, READ, Resource.subject("bob-value"))).isFalse();
    assertThat(POLICY.allows(ALICE, READ, Resource.subject("xalice-value"))).isFalse();
    assertThat(POLICY.allows(ALICE, READ, Resource.GLOBAL)).isFalse();
  }

  @Test
  void roleRulesApplyToTheRolesMembers() {
    assertThat(POLICY.allows(READER, READ, Resource.subject("anything"))).isTrue();
    assertThat(POLICY.allows(READER, READ, Resource.GLOBAL)).isTrue();
    assertThat(POLICY.allows(READER, WRITE, Resource.subject("anything"))).isFalse();
    assertThat(POLICY.allows(READER, ADMIN, Resource.GLOBAL)).isFalse();
  }

  @Test
  void regexRulesMatchTheWholeName() {
    assertThat(POLICY.allows(OPS, DELETE, Resource.subject("orders-value"))).isTrue();
    assertThat(POLICY.allows(OPS, DELETE, Resource.subject("orders-value2"))).isFalse();
    assertThat(POLICY.allows(OPS, READ, Resource.subject("Orders-value"))).isFalse();
    assertThat(POLICY.allows(OPS, ADMIN, Resource.GLOBAL)).isTrue();
    assertThat(POLICY.allows(OPS, READ, Resource.GLOBAL)).isFalse();
  }

  /** KEK rules and subject rules cover their own kind only, whatever the pattern. */
  @Test
  void kekRulesNameKeksAndNothingElse() {
    Policy keks = Policy.of(List.of(
        new Rule("user:alice", Rule.operations("read,write"), "kek:team-*"),
        new Rule("user:alice", Rule.operations("delete"), "kek:team-a"),
        new Rule("role:readers", Rule.operations("read"), "subject:*")));
    assertThat(keks.allows(ALICE, WRITE, Resource.kek("team-b"))).isTrue();
    assertThat(keks.allows(ALICE, DELETE, Resource.kek("team-a"))).isTrue();
    assertThat(keks.allows(ALICE, DELETE, Resource.kek("team-b"))).isFalse();
    assertThat(keks.allows(ALICE, READ, Resource.kek("other"))).isFalse();
    assertThat(keks.allows(ALICE, READ, Resource.subject("team-a"))).isFalse();
    assertThat(keks.allows(READER, READ, Resource.kek("team-a"))).isFalse();
    assertThat(keks.allows(ALICE, READ, Resource.GLOBAL)).isFalse();
    assertThat(Resource.kek("k").toString()).isEqualTo("KEK 'k'");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new Rule("user:alice", Rule.operations("read"), "kek:"))
        .hasMessageContaining("kek:NAME");
  }

  @Test
  void exactRulesAndTheAnyCallerRule() {
    assertThat(POLICY.allows(NOBODY, READ, Resource.subject("public"))).isTrue();
    assertThat(POLICY.allows(NOBODY, READ, Resource.subject("public2"))).isFalse();
    assertThat(POLICY.allows(NOBODY, WRITE, Resource.subject("public"))).isFalse();
  }

  @Test
  void onlyCallersReadingEverySubjectSkipFiltering() {
    assertThat(POLICY.readsEverySubject(READER)).isTrue();
    assertThat(POLICY.readsEverySubject(ALICE)).isFalse();
    assertThat(POLICY.readsEverySubject(OPS)).isFalse();
    assertThat(Policy.OPEN.readsEverySubject(NOBODY)).isTrue();
    assertThat(Policy.OPEN.allows(null, ADMIN, Resource.GLOBAL)).isTrue();
    assertThat(Policy.of(List.of()).allows(READER, READ, Resource.subject("x"))).isFalse();
  }
}
