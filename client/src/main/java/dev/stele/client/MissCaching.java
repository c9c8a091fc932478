package dev.stele.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the client remembers that the registry answered "not found" ({@code missing.*} keys,
 * as Confluent's client): a producer that keeps asking for an id or a subject that does not
 * exist then asks the registry once per period, not once per record. A zero time to live
 * remembers nothing, the default.
 *
 * @param size how many "not found" answers each of the three caches holds
 * @param idTtl schemas by id ({@code missing.id.cache.ttl.sec})
 * @param versionTtl subject versions ({@code missing.version.cache.ttl.sec})
 * @param schemaTtl a schema looked up under a subject ({@code missing.schema.cache.ttl.sec})
 */
public record MissCaching(int size, Duration idTtl, Duration versionTtl, Duration schemaTtl) {
  public static final MissCaching NONE = new MissCaching(10_000, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  public MissCaching {
    if (size < 1) {
      throw new IllegalArgumentException("missing.cache.size must be at least 1, not " + size);
    }
    for (Duration ttl : new Duration[] {idTtl, versionTtl, schemaTtl}) {
      if (Objects.requireNonNull(ttl, "ttl").isNegative()) {
        throw new IllegalArgumentException("the missing.*.cache.ttl.sec settings must not be negative");
      }
    }
  }
}
