package dev.stele.registry.model;

/**
 * Confluent 8.5's {@code format=logical}: a schema written in, or answered as, Flink/Iceberg
 * logical types (a DDL text converted to and from each format). Stele has no such converter, so
 * the parameter is refused (42201) rather than the native text answered as if it were the
 * logical one.
 */
public final class LogicalFormat {
  private LogicalFormat() {}

  public static boolean isLogical(String format) {
    return "logical".equalsIgnoreCase(format);
  }

  /** @throws RegistryException 42201 when {@code format} is {@code logical} */
  public static void refuse(String format) {
    if (isLogical(format)) {
      throw ErrorCode.INVALID_SCHEMA.exception("format=logical (Confluent's logical types) is not"
          + " supported by Stele: it has no converter between logical types and the schema formats");
    }
  }
}
