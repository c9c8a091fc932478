package dev.stele.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VersionTest {
  @Test
  void theBuildRecordsTheCommitItWasMadeFrom() throws IOException, InterruptedException {
    // The tests run from a git checkout (CI clones the repository), so the build knew HEAD.
    Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
    String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(git.waitFor()).as("git rev-parse HEAD: %s", head).isZero();

    assertThat(Version.commit()).matches("[0-9a-f]{7,40}");
    assertThat(head).startsWith(Version.commit());
    assertThat(Main.versionLine()).isEqualTo("Stele " + Version.current() + " (commit "
        + Version.commit() + ")").doesNotContain("unknown");
  }
}
