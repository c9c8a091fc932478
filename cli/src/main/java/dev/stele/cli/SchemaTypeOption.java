package dev.stele.cli;

import picocli.CommandLine.Option;

/** {@code -t, --type}: the schema type of the files a command reads, for every command that reads them. */
final class SchemaTypeOption {
  @Option(names = {"-t", "--type"}, paramLabel = "AVRO|JSON|PROTOBUF",
      description = "The schema type. Default: from the file name (.avsc, .json, .proto).")
  String type;
}
