package dev.stele.registry.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.SchemaLimits;
import java.io.IOException;

/**
 * Checks a submitted schema's shape against {@link SchemaLimits} before a format library parses
 * it: libraries parse and compare recursively and pairwise, so a union of ten thousand branches
 * or nesting thousands deep costs them minutes and gigabytes, while counting costs one pass here,
 * over tokens, building nothing ({@link ShapeScan}).
 * A text that is not JSON is left to the format, which words the syntax error itself.
 */
final class ShapeCheck {
  private final SchemaLimits limits;
  private final JsonFactory json;

  ShapeCheck(SchemaLimits limits) {
    this.limits = limits;
    // Jackson refuses deeper nesting while reading, before any tree is built.
    this.json = JsonFactory.builder().streamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(limits.jsonDepth()).build()).build();
  }

  SchemaLimits limits() {
    return limits;
  }

  /** @throws RegistryException 42201 naming the limit, where it was passed and its setting */
  void check(String type, String text) {
    switch (type) {
      case "AVRO", "JSON" -> scan(type, text);
      case "PROTOBUF" -> protobufDepth(text);
      default -> { } // a format of its own: its parser is its own guard
    }
  }

  /**
   * Reads the whole text as tokens ({@link ShapeScan}) before answering, so that nesting past the
   * limit anywhere, or a text that is not JSON, is answered as it would be by reading it whole.
   */
  private void scan(String type, String text) {
    RegistryException problem;
    try (JsonParser parser = json.createParser(text)) {
      if (parser.nextToken() == null) {
        return;
      }
      problem = type.equals("AVRO") ? ShapeScan.avro(parser, limits)
          : ShapeScan.jsonSchema(parser, limits);
    } catch (StreamConstraintsException e) {
      throw exceeded("JSON nesting deeper than " + limits.jsonDepth() + " levels", "",
          "stele.schema.max.json.depth");
    } catch (IOException e) {
      return; // not JSON: the format reports that in its own words
    }
    if (problem != null) {
      throw problem;
    }
  }

  /** Nesting of blocks ({@code {...}}) in a .proto text, outside comments and string literals. */
  private void protobufDepth(String text) {
    int depth = 0;
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        line += count(text, i, end < 0 ? text.length() : end, '\n');
        i = end < 0 ? text.length() : end + 1;
      } else if (c == '"' || c == '\'') {
        i = endOfString(text, i, c);
      } else if (c == '{') {
        depth++;
        if (depth > limits.protobufDepth()) {
          throw exceeded("blocks nested more than " + limits.protobufDepth() + " deep", "line " + line,
              "stele.schema.max.protobuf.depth");
        }
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      }
    }
  }

  private static int endOfString(String text, int start, char quote) {
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote || c == '\n') {
        return i;
      }
    }
    return text.length();
  }

  private static int count(String text, int from, int to, char c) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  static RegistryException exceeded(String what, String at, String setting) {
    String where = at.isEmpty() ? "" : " at " + at;
    return ErrorCode.INVALID_SCHEMA.exception("The schema exceeds a limit: " + what + where
        + "; the setting " + setting + " raises it");
  }
}
