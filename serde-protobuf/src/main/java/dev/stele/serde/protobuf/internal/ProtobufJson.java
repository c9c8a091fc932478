package dev.stele.serde.protobuf.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;

/**
 * A message in Protobuf's JSON mapping, the form migration rules rewrite, and back. Written as
 * Confluent's serdes write it (JSON field names, fields without presence always printed, no
 * whitespace) so that one JSONata expression migrates records for both; read back strictly, so a
 * migration that leaves a field the target does not have fails the record instead of dropping it.
 */
public final class ProtobufJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();

  private ProtobufJson() {}

  public static JsonNode toJson(MessageOrBuilder message) throws IOException {
    return MAPPER.readTree(PRINTER.print(message));
  }

  public static DynamicMessage fromJson(JsonNode json, Descriptor type) throws InvalidProtocolBufferException {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
    PARSER.merge(json.toString(), builder);
    return builder.build();
  }
}
