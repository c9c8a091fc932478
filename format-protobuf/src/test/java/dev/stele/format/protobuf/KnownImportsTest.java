package dev.stele.format.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client that skipped known imports must be able to build every one of them, imports included. */
class KnownImportsTest {
  private final Map<String, FileDescriptor> built = new HashMap<>();

  @Test
  void everyKnownFileBuildsIntoADescriptorNamedByItsPath() throws Exception {
    assertThat(KnownImports.paths()).contains("google/protobuf/timestamp.proto", "google/type/date.proto",
        "confluent/meta.proto", "confluent/type/decimal.proto");
    for (String path : KnownImports.paths()) {
      FileDescriptor file = build(path);
      assertThat(file.getName()).isEqualTo(path);
    }
    assertThat(build("confluent/meta.proto").findMessageTypeByName("Meta")).isNotNull();
    assertThat(build("google/type/date.proto").findMessageTypeByName("Date").getFullName())
        .isEqualTo("google.type.Date");
  }

  @Test
  void anUnknownPathHasNoDescriptor() {
    assertThat(KnownImports.descriptor("acme/order.proto")).isEmpty();
  }

  private FileDescriptor build(String path) throws DescriptorValidationException {
    FileDescriptor done = built.get(path);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = KnownImports.descriptor(path).orElseThrow();
    FileDescriptor[] dependencies = new FileDescriptor[proto.getDependencyCount()];
    for (int i = 0; i < dependencies.length; i++) {
      dependencies[i] = build(proto.getDependency(i));
    }
    FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies);
    built.put(path, file);
    return file;
  }
}
