package dev.stele.store.embedded;

import dev.stele.registry.log.LogException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second process (or a second log in this one) off a data directory: two writers on one
 * SQLite file would each number records from their own idea of the log end. The lock is the
 * operating system's, so a killed process loses it at once and no stale lock is left to clean.
 */
final class DataDirLock implements AutoCloseable {
  static final String FILE_NAME = "stele.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** @throws LogException when another holder has the directory */
  static DataDirLock acquire(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw new LogException("data directory " + dir + " is in use by another Stele process"
            + holder(file) + ": stop that process or give this one another data directory");
      }
      // The pid is only for people reading the file; the lock itself is what excludes.
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(
          (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      return new DataDirLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new LogException("cannot write to data directory " + dir + ": "
          + SqliteRecordLog.reason(e), e);
    } catch (LogException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // this JVM holds it already
    }
  }

  private static String holder(Path file) {
    try {
      String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
      return pid.isEmpty() ? "" : " (pid " + pid + ")";
    } catch (IOException e) {
      return "";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing was locked or the lock goes with the channel anyway
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel below releases it too
    }
    closeQuietly(channel);
  }
}
