package dev.stele.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --output text|json}: every command prints its answer through this mixin. */
final class Output {
  static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  enum Format { text, json }

  @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|json",
      description = "text for people, json for scripts (one JSON document on stdout). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  boolean json() {
    return format == Format.json;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Prints {@code value} as JSON, or {@code text} (already worded) for people. */
  void print(Object value, String text) {
    if (json()) {
      try {
        out().println(JSON.writeValueAsString(value));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot render the answer as JSON", e);
      }
    } else {
      out().println(text);
    }
    out().flush();
  }
}
