package dev.stele.registry.state;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A state snapshot on disk, replaced whole: written to a temporary file beside it, forced to the
 * disk, renamed over the old one and the directory forced, so a crash leaves the old snapshot or
 * the new one, never half of one (a half one would be refused by its checksum anyway).
 */
public final class SnapshotFile {
  private final Path file;

  public SnapshotFile(Path file) {
    this.file = file.toAbsolutePath();
  }

  public Path path() {
    return file;
  }

  public boolean exists() {
    return Files.isRegularFile(file);
  }

  /** Opens the snapshot and reads its header; the caller closes the reader. */
  public SnapshotReader open() throws IOException {
    return new SnapshotReader(Files.newInputStream(file), Files.size(file));
  }

  /** Writes {@code state} (a copy nothing applies to) at {@code mark}, replacing the old snapshot. */
  public void write(RegistryState state, SnapshotMark mark) throws IOException {
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        StateSnapshot.write(state, mark, out);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      forceDirectory(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Removes the snapshot (one that did not match its log), so the next start does not try it again. */
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  /** Makes the rename durable; some file systems cannot open a directory, which is then left to them. */
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not supported here (e.g. Windows): the rename is as durable as the file system makes it
    }
  }
}
