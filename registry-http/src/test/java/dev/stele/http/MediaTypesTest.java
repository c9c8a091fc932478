package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaTypesTest {
  private static final String V1 = MediaTypes.V1_JSON;
  private static final String DEFAULT = MediaTypes.DEFAULT_JSON;
  private static final String JSON = MediaTypes.JSON;

  @ParameterizedTest(name = "Accept [{0}] -> {1}")
  @CsvSource(delimiter = '|', nullValues = "NONE", value = {
      // no preference: the server's first choice
      "NONE | " + V1,
      "'' | " + V1,
      "*/* | " + V1,
      "application/* | " + V1,
      // one type asked for
      "application/json | " + JSON,
      "Application/JSON | " + JSON,
      "application/json; charset=utf-8 | " + JSON,
      "application/vnd.schemaregistry+json | " + DEFAULT,
      "application/vnd.schemaregistry.v1+json | " + V1,
      // several: the client's q first, then the server's qs (v1 1.0, default 0.9, json 0.5)
      "'application/json, application/vnd.schemaregistry+json' | " + DEFAULT,
      "'application/json, application/vnd.schemaregistry.v1+json' | " + V1,
      "'application/vnd.schemaregistry.v1+json;q=0.2, application/json' | " + JSON,
      "'application/json;q=0.9, */*;q=0.1' | " + JSON,
      "'text/html, application/xhtml+xml, */*;q=0.8' | " + V1,
      "'application/*;q=0.3, application/json' | " + JSON,
      // a more specific range overrides a wildcard for the same type
      "'*/*, application/vnd.schemaregistry.v1+json;q=0' | " + DEFAULT,
      // nothing acceptable: 406
      "text/html | NONE",
      "text/* | NONE",
      "application/xml | NONE",
      "application/json;q=0 | NONE",
      "application/json;q=abc | NONE",
  })
  void negotiatesTheResponseType(String accept, String expected) {
    assertThat(MediaTypes.negotiate(accept)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "Content-Type [{0}] readable: {1}")
  @CsvSource(delimiter = '|', nullValues = "NONE", value = {
      "NONE | true",
      "'' | true",
      "application/vnd.schemaregistry.v1+json | true",
      "application/vnd.schemaregistry+json | true",
      "application/json | true",
      "application/json; charset=UTF-8 | true",
      "APPLICATION/JSON | true",
      "application/octet-stream | true",
      "text/plain | false",
      "application/x-www-form-urlencoded | false",
      "multipart/form-data; boundary=x | false",
      "application/xml | false",
  })
  void readsOnlyJsonLikeBodies(String contentType, boolean readable) {
    assertThat(MediaTypes.readableBody(contentType)).isEqualTo(readable);
  }
}
