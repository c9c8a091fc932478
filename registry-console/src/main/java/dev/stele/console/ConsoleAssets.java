package dev.stele.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The console's files, read once from this jar and held in memory with their gzip form, content
 * type and ETag, so that serving one is a map look-up. The files are plain ES modules, CSS and
 * HTML under {@code dev/stele/console/ui/}, listed in its {@code files.txt} (a jar cannot be
 * listed portably; {@code ConsoleAssetsTest} holds the list to the directory).
 *
 * <p>Every file but the page is served under a versioned prefix, {@code a/VERSION/}, where the
 * version is a digest of all the files: a browser may keep them forever, and a new build changes
 * the prefix that the page (never kept without asking) names.
 */
public final class ConsoleAssets {
  static final String ROOT = "ui/";
  static final String MANIFEST = "files.txt";
  static final String PAGE = "index.html";
  /** Where index.html names the versioned prefix (relative to the page). */
  static final String PLACEHOLDER = "%ASSETS%";

  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml",
      "txt", "text/plain; charset=utf-8",
      "json", "application/json");

  /** One file: its bytes, the gzip form when smaller (else null), content type and ETag. */
  public record Asset(String path, byte[] bytes, byte[] gzipped, String contentType, String etag) {}

  private final String version;
  private final Asset page;
  private final Map<String, Asset> files;

  private ConsoleAssets(String version, Asset page, Map<String, Asset> files) {
    this.version = version;
    this.page = page;
    this.files = files;
  }

  /** Reads every listed file; a missing one means a broken build, which the start should say. */
  public static ConsoleAssets load() {
    String manifest = new String(read(MANIFEST), StandardCharsets.UTF_8);
    Map<String, byte[]> raw = new LinkedHashMap<>();
    MessageDigest digest = sha256();
    for (String line : manifest.split("\n")) {
      String path = line.strip();
      if (path.isEmpty() || path.startsWith("#")) {
        continue;
      }
      byte[] bytes = read(path);
      raw.put(path, bytes);
      digest.update(path.getBytes(StandardCharsets.UTF_8));
      digest.update(bytes);
    }
    if (!raw.containsKey(PAGE)) {
      throw new IllegalStateException(ROOT + MANIFEST + " does not list " + PAGE);
    }
    String version = HexFormat.of().formatHex(digest.digest(), 0, 6);
    Map<String, Asset> files = new LinkedHashMap<>();
    raw.forEach((path, bytes) -> {
      if (!path.equals(PAGE)) {
        files.put(path, asset(path, bytes));
      }
    });
    String pageText = new String(raw.get(PAGE), StandardCharsets.UTF_8)
        .replace(PLACEHOLDER, "a/" + version + "/");
    Asset page = asset(PAGE, pageText.getBytes(StandardCharsets.UTF_8));
    return new ConsoleAssets(version, page, Map.copyOf(files));
  }

  /** Changes whenever any file does: the versioned prefix's middle part. */
  public String version() {
    return version;
  }

  /** index.html, naming the versioned prefix. */
  public Asset page() {
    return page;
  }

  /** A file by its path under the versioned prefix ({@code js/main.js}). */
  public Optional<Asset> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** What a browser downloads for a first visit: every file, gzipped where that is smaller. */
  public long compressedBytes() {
    long total = size(page);
    for (Asset asset : files.values()) {
      total += size(asset);
    }
    return total;
  }

  private static long size(Asset asset) {
    return asset.gzipped() != null ? asset.gzipped().length : asset.bytes().length;
  }

  private static Asset asset(String path, byte[] bytes) {
    String extension = path.substring(path.lastIndexOf('.') + 1);
    String type = TYPES.get(extension);
    if (type == null) {
      throw new IllegalStateException("console file " + path + ": no content type for ."
          + extension + " (add one to ConsoleAssets.TYPES)");
    }
    byte[] gzipped = gzip(bytes);
    String etag = "\"" + HexFormat.of().formatHex(sha256().digest(bytes), 0, 8) + "\"";
    return new Asset(path, bytes, gzipped.length < bytes.length ? gzipped : null, type, etag);
  }

  private static byte[] read(String path) {
    String resource = ROOT + path;
    try (InputStream in = ConsoleAssets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("console file " + resource + " is missing beside "
            + ConsoleAssets.class.getName() + ": registry-console was built wrongly");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return out.toByteArray();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
