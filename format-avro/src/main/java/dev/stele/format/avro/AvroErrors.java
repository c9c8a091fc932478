package dev.stele.format.avro;

/** The words of Avro's parse errors as the Confluent registry reports them after {@code details:}. */
final class AvroErrors {
  private AvroErrors() {}

  static String describe(RuntimeException e) {
    Throwable cause = e;
    // Avro wraps Jackson's parse errors; Confluent quotes the Jackson exception itself.
    if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
      cause = json;
      return json.getClass().getName() + ": " + json.getMessage();
    }
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
