package dev.stele.serde.rules.encryption;

import dev.stele.client.Rule;
import dev.stele.client.RuleKind;
import dev.stele.client.RuleMode;
import dev.stele.client.RuleSet;
import dev.stele.serde.testing.SerdeRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** What the per-format encryption tests share: the rule, the client's local-kms secret, a clock tests move. */
final class Encryption {
  static final String SECRET = "a secret only the clients hold";
  /** How far tests have moved the executors' clock past the real one. */
  static final AtomicLong AHEAD = new AtomicLong();
  static final long DAY = 24L * 60 * 60 * 1000;

  private Encryption() {}

  /** {@code ENCRYPT} on the PII-tagged fields with KEK {@code kek} of local-kms, plus {@code params}. */
  static Rule encryptPii(String kek, String... params) {
    return rule("encryptPii", FieldEncryptionExecutor.TYPE, kek, params).withTags(Set.of("PII"));
  }

  /** {@code ENCRYPT_PAYLOAD}, for {@code ruleSet.encodingRules}, with KEK {@code kek} of local-kms. */
  static Rule encryptPayload(String kek, String... params) {
    return rule("encryptPayload", EncryptionExecutor.TYPE, kek, params);
  }

  private static Rule rule(String name, String type, String kek, String... params) {
    Map<String, String> all = new LinkedHashMap<>(Map.of(EncryptParams.KEK_NAME, kek,
        EncryptParams.KMS_TYPE, "local-kms", EncryptParams.KMS_KEY_ID, "key-" + kek));
    for (int i = 0; i < params.length; i += 2) {
      all.put(params[i], params[i + 1]);
    }
    return Rule.of(name, RuleKind.TRANSFORM, RuleMode.WRITEREAD, type, null).withParams(all);
  }

  /** A rule set of encoding rules only. */
  static RuleSet encoding(Rule... rules) {
    return new RuleSet(List.of(), List.of(), List.of(rules));
  }

  /** Serde configs for {@code registry} with the client's local-kms secret and the movable clock. */
  static Map<String, Object> configs(SerdeRegistry registry, Object... pairs) {
    Map<String, Object> configs = new HashMap<>(registry.configs("auto.register.schemas", false,
        "use.latest.version", true, "rule.executors", "clocked",
        "rule.executors.clocked.class", Clocked.class.getName(),
        "rule.executors._default_.param.secret", SECRET));
    for (int i = 0; i < pairs.length; i += 2) {
      configs.put((String) pairs[i], pairs[i + 1]);
    }
    return configs;
  }

  /** The ENCRYPT executor on a clock {@link #AHEAD} of the real one, to see DEKs expire. */
  public static final class Clocked extends FieldEncryptionExecutor {
    public Clocked() {
      super(() -> System.currentTimeMillis() + AHEAD.get());
    }
  }
}
