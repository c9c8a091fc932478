package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.model.Results;
import dev.stele.registry.model.StoredSchema;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaByIdCacheTest {
  private final SchemaByIdCache cache = new SchemaByIdCache();

  @Test
  void reusesTheRenderingWhileTheSchemaInstanceIsTheSame() {
    StoredSchema schema = stored(1, "\"string\"");
    Buffer first = cache.render(1, found(schema));
    assertThat(first.toString()).isEqualTo("{\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schema\":\"\\\"string\\\"\"}");
    assertThat(cache.render(1, found(schema))).isSameAs(first);
  }

  @Test
  void rendersAgainForAnotherInstanceEvenIfEqual() {
    Buffer first = cache.render(1, found(stored(1, "\"string\"")));
    Buffer second = cache.render(1, found(stored(1, "\"int\"")));
    assertThat(second).isNotSameAs(first);
    assertThat(second.toString()).isEqualTo("{\"guid\":\"ef524ea1-b91e-7317-3d93-8ade36c1db32\",\"schema\":\"\\\"int\\\"\"}");
    Buffer third = cache.render(1, found(stored(1, "\"int\"")));
    assertThat(third).isNotSameAs(second).isEqualTo(second);
  }

  @Test
  void staysBounded() {
    for (int id = 0; id < SchemaByIdCache.MAX_ENTRIES + 10; id++) {
      cache.render(id, found(stored(id, "\"string\"")));
    }
    assertThat(cache.size()).isLessThanOrEqualTo(SchemaByIdCache.MAX_ENTRIES);
  }

  private static StoredSchema stored(int id, String text) {
    return new StoredSchema(id, "AVRO", text, List.of(), null, null);
  }

  private static Results.SchemaText found(StoredSchema schema) {
    return new Results.SchemaText(schema, null, null, null);
  }
}
