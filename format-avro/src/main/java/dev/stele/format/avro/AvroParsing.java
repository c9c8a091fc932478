package dev.stele.format.avro;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stele.schema.InvalidSchemaException;
import dev.stele.schema.ResolvedReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;

/**
 * Turns schema text and its references into Avro schemas, or into the reason the Confluent
 * registry gives for refusing it.
 *
 * <p>Every failure, including Avro's unchecked exceptions and a stack overflow on absurdly nested
 * input, becomes an {@link InvalidSchemaException}: nothing a client sends may escape as another
 * exception.
 */
final class AvroParsing {
  /** The same JSON reading as Avro's own parser (comments allowed), so both see one tree. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonParser.Feature.ALLOW_COMMENTS).build();

  /**
   * A parsed schema, the top-level schemas of everything it references (in parse order), and its
   * canonical text: computed here, where a stack overflow on absurd nesting is still caught.
   */
  record Parsed(Schema main, List<Schema> referenced, String canonical) {
    Parsed {
      referenced = List.copyOf(referenced);
    }
  }

  private AvroParsing() {}

  static Parsed parse(String text, List<ResolvedReference> references, boolean validateDefaults)
      throws InvalidSchemaException {
    try {
      LegacyNameRules names = new LegacyNameRules();
      Schema.Parser parser =
          new Schema.Parser(NameValidator.NO_VALIDATION).setValidateDefaults(false);
      List<Schema> referenced = new ArrayList<>();
      for (String referencedText : graph(references)) {
        referenced.add(parseOne(parser, names, referencedText));
      }
      Schema main = parseOne(parser, names, text);
      if (validateDefaults) {
        LegacyDefaults.check(referenced, main);
      }
      return new Parsed(main, referenced, canonicalText(main, referenced));
    } catch (LegacyNameRules.Problem e) {
      throw new InvalidSchemaException(e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new InvalidSchemaException("Schema is nested too deeply");
    } catch (RuntimeException e) {
      com.fasterxml.jackson.core.JsonProcessingException json = jsonCause(e);
      if (json != null) {
        throw new InvalidSchemaException(notJson(json), e);
      }
      String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
      throw new InvalidSchemaException(message, e);
    }
  }

  /**
   * Text that is not JSON, in plain words with where it broke. Avro passes on Jackson's exception
   * text, class name and source excerpt included, and so does the Confluent registry; issue #17
   * keeps library names out of answers (a listed conformance deviation).
   */
  private static String notJson(com.fasterxml.jackson.core.JsonProcessingException e) {
    com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 1 ? ""
        : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return "Invalid Avro schema: not JSON (" + e.getOriginalMessage() + where + ")";
  }

  private static com.fasterxml.jackson.core.JsonProcessingException jsonCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
        return json;
      }
    }
    return null;
  }

  /**
   * Compact JSON with the types from references written as names, as the Confluent registry
   * stores them. Avro 1.12 deprecates this printer (AVRO-2832) but offers no other way to leave
   * known types out; if it goes, this is the one place to replace.
   */
  @SuppressWarnings("deprecation")
  private static String canonicalText(Schema main, List<Schema> referenced) {
    return main.toString(referenced, false);
  }

  /**
   * The texts to load before the main schema: depth first, each reference's own references before
   * it, every reference name once (the Confluent registry keys its resolved references by name).
   */
  static List<String> graph(List<ResolvedReference> references) {
    List<String> out = new ArrayList<>();
    collect(references, new HashSet<>(), out);
    return out;
  }

  private static void collect(List<ResolvedReference> refs, Set<String> seen, List<String> out) {
    for (ResolvedReference ref : refs) {
      if (seen.add(ref.reference().name())) {
        collect(ref.references(), seen, out);
        out.add(ref.schema());
      }
    }
  }

  private static Schema parseOne(Schema.Parser parser, LegacyNameRules names, String text) {
    String deferred;
    try {
      deferred = names.check(JSON.readTree(text));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      deferred = e.getOriginalMessage(); // Avro reads the same JSON and words the error itself
    }
    Schema schema = parser.parse(text);
    if (deferred != null) {
      // Avro 1.12 accepted what 1.11 refused: keep 1.11's verdict.
      throw new LegacyNameRules.Problem(deferred);
    }
    return schema;
  }
}
