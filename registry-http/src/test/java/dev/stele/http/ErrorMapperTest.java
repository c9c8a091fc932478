package dev.stele.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.registry.model.ErrorCode;
import io.vertx.ext.web.handler.HttpException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorMapperTest {

  @Test
  void registryExceptionGivesItsCodesStatusAndErrorCode() {
    ErrorMapper.Answer answer = ErrorMapper.map(ErrorCode.SUBJECT_NOT_FOUND.exception("s"));
    assertThat(answer).isEqualTo(new ErrorMapper.Answer(404, 40401, "Subject 's' not found."));
  }

  @Test
  void incompatibleSchemaIs409With409As7Point9Answers() {
    ErrorMapper.Answer answer = ErrorMapper.map(ErrorCode.INCOMPATIBLE_SCHEMA.exception("s", "[x]"));
    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.code()).isEqualTo(409);
    assertThat(answer.message()).startsWith("Schema being registered is incompatible");
  }

  /** A request whose work did not fit in the heap is told to come back, not that we have a bug. */
  @Test
  void outOfMemoryInARequestIs503WithItsOwnCode() {
    ErrorMapper.Answer answer = ErrorMapper.map(
        new CompletionException(new OutOfMemoryError("Java heap space")));
    assertThat(answer).isEqualTo(new ErrorMapper.Answer(503, 50301, "Server ran out of memory"
        + " while serving this request; try again later or raise the heap size"));
  }

  /** Confluent's codes carry their status: 40401 is a 404, 42201 a 422, 409 itself. */
  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void everyCoreCodeHasTheStatusItsNumberStartsWith(ErrorCode code) {
    int expected = code.code() >= 10_000 ? code.code() / 100 : code.code();
    assertThat(HttpStatuses.of(code)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(EdgeError.class)
  void edgeErrorsAreAnsweredWithTheirStatusAndCode(EdgeError error) {
    ErrorMapper.Answer answer = ErrorMapper.map(error.withMessage("m"));
    assertThat(answer).isEqualTo(new ErrorMapper.Answer(error.status(), error.code(), "m"));
  }

  @Test
  void failedStagesAreMappedByTheirCause() {
    Throwable wrapped = new CompletionException(
        new ExecutionException(ErrorCode.OPERATION_NOT_PERMITTED.exception("Subject s is in read-only mode")));
    assertThat(ErrorMapper.map(wrapped))
        .isEqualTo(new ErrorMapper.Answer(422, 42205, "Subject s is in read-only mode"));
  }

  @Test
  void unexpectedFailureIs500WithoutInternals() {
    ErrorMapper.Answer answer = ErrorMapper.map(new NullPointerException("secret.internal.Field"));
    assertThat(answer).isEqualTo(new ErrorMapper.Answer(500, 500, "Internal Server Error"));
  }

  @Test
  void frameworkHttpExceptionGivesItsStatus() {
    assertThat(ErrorMapper.map(new HttpException(413)).status()).isEqualTo(413);
    assertThat(ErrorMapper.map(new HttpException(413)).code()).isEqualTo(413);
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(delimiter = '|', value = {
      "404 | 404 | HTTP 404 Not Found",
      "405 | 405 | HTTP 405 Method Not Allowed",
      "406 | 406 | HTTP 406 Not Acceptable",
      "415 | 415 | HTTP 415 Unsupported Media Type",
      "400 | 400 | HTTP 400 Bad Request",
      "500 | 500 | Internal Server Error",
      "503 | 500 | Internal Server Error",
  })
  void frameworkStatusesUseTheRegistrysWords(int status, int code, String message) {
    ErrorMapper.Answer answer = ErrorMapper.forStatus(status);
    assertThat(answer.code()).isEqualTo(code);
    assertThat(answer.message()).isEqualTo(message);
  }
}
