package dev.stele.registry.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A schema's text as the registry holds it in memory: UTF-8, deflated when that makes it
 * smaller. Texts are most of a registry's heap (100,000 schemas of 1 KB are 100 MB as Strings,
 * about a third of that deflated; docs/benchmarks.md §4), while reads that need the text are
 * either served from rendered answers ({@code GET /schemas/ids/{id}}) or cost one inflate of a
 * few microseconds.
 *
 * <p>Equal texts have equal bytes, so equality and hashing never inflate: the form (deflated or
 * not) is a function of the text alone and {@link TextCompression} always deflates the same way.
 * The bytes are written only into state snapshots (decision 0016), which carry
 * {@link TextCompression#fingerprint()}: a snapshot made with other compression settings, or by
 * a zlib that deflates differently, is thrown away, so the settings may still change between
 * releases.
 */
public final class CompactText {
  /** Below this many UTF-8 bytes a text is kept as is: deflating would save a few bytes at most. */
  public static final int MIN_DEFLATED = 64;

  /** The text's UTF-8 bytes, or their deflated form when {@code bytes.length < length}. */
  private final byte[] bytes;
  /** UTF-8 length of the text. */
  private final int length;
  /** {@link String#hashCode()} of the text: free to get from the String it was made from. */
  private final int hash;

  private CompactText(byte[] bytes, int length, int hash) {
    this.bytes = bytes;
    this.length = length;
    this.hash = hash;
  }

  /** The compact form of a text; a text compacted moments ago (on any thread) gives the same instance. */
  public static CompactText of(String text) {
    CompactText recent = RecentTexts.find(text);
    if (recent != null) {
      return recent;
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] deflated = utf8.length < MIN_DEFLATED ? null : TextCompression.deflate(utf8);
    CompactText compact = new CompactText(deflated != null ? deflated : utf8, utf8.length, text.hashCode());
    RecentTexts.remember(text, compact);
    return compact;
  }

  /**
   * A compact text as {@link #bytes()}, {@link #length()} and {@link #hashCode()} gave it, from a
   * snapshot whose compression fingerprint matched this process's; nothing is inflated or checked.
   */
  public static CompactText restore(byte[] bytes, int length, int hash) {
    if (bytes.length > length) {
      throw new IllegalArgumentException("compact text of " + bytes.length + " bytes for " + length);
    }
    return new CompactText(bytes, length, hash);
  }

  /** The held bytes (a copy): UTF-8, or deflated when shorter than {@link #length()}. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The text itself; inflates it when it is held deflated (a new String each call). */
  @Override
  public String toString() {
    byte[] utf8 = isDeflated() ? TextCompression.inflate(bytes, length) : bytes;
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /** UTF-8 length of the text: a cheap estimate of its size, e.g. for cache weights. */
  public int length() {
    return length;
  }

  /** Bytes held for the text (without the object and array headers). */
  public int compactSize() {
    return bytes.length;
  }

  public boolean isDeflated() {
    return bytes.length < length;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof CompactText other && hash == other.hash && length == other.length
        && Arrays.equals(bytes, other.bytes));
  }

  /** The same as the text's {@link String#hashCode()}. */
  @Override
  public int hashCode() {
    return hash;
  }
}
