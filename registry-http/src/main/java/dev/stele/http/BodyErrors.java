package dev.stele.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Words a request body Jackson could not read as a plain sentence that names the field and what
 * is wrong with it (issue #17). Jackson's own texts name our classes and its internals
 * ({@code `java.util.ArrayList<dev.stele...>`}, {@code StreamReadConstraints}), which tell a
 * client nothing it can act on and tell an attacker what runs inside; none of them is passed on.
 */
final class BodyErrors {
  static final String PREFIX = "Invalid request body: ";

  private static final Pattern UNEXPECTED_CHARACTER =
      Pattern.compile("^Unexpected character \\('(.)' \\(code (\\d+)\\)\\)");
  private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^Unrecognized token '([^']*)'");
  private static final String NOT_UTF8 = "not valid UTF-8";
  /** Longest piece of unreadable text quoted back (Jackson itself quotes up to 256 characters). */
  private static final int MAX_TOKEN = 40;

  private BodyErrors() {}

  /** The body is absent, blank or the JSON {@code null} where the route needs one. */
  static EdgeException required() {
    return EdgeError.UNPROCESSABLE.exception(PREFIX + "the body is required");
  }

  /** Bytes that are not UTF-8 (Jackson raises a CharConversionException, no JSON exception). */
  static EdgeException notUtf8() {
    return bad(NOT_UTF8);
  }

  static EdgeException of(JsonProcessingException e) {
    // Databind wraps what the parser met inside a value in an exception carrying the path.
    JsonProcessingException cause =
        e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException inner
            ? inner : e;
    if (cause instanceof StreamConstraintsException) {
      return bad("nested deeper than " + Json.MAX_NESTING + " levels");
    }
    List<JsonMappingException.Reference> path = e instanceof JsonMappingException mapping
        ? mapping.getPath() : List.of();
    String field = "field \"" + fieldPath(path) + "\" ";
    if (cause instanceof InputCoercionException) {
      // A number too large for its field; every number the API takes is a Java int.
      return bad(field + "must be an integer between " + Integer.MIN_VALUE + " and "
          + Integer.MAX_VALUE);
    }
    if (cause instanceof StreamReadException) {
      String problem = syntax(cause);
      return bad((problem.equals(NOT_UTF8) ? problem + " (" : "not JSON (" + problem + " ")
          + at(cause) + ")");
    }
    if (path.isEmpty()) {
      return bad("the body must be a JSON object");
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return bad(field + "must be " + expected(mismatch.getTargetType()));
    }
    return bad(field + "has a value that cannot be read");
  }

  private static EdgeException bad(String problem) {
    return EdgeError.BAD_REQUEST.exception(PREFIX + problem);
  }

  /** What went wrong in the JSON text itself, in a few words. */
  private static String syntax(JsonProcessingException e) {
    if (e instanceof JsonEOFException) {
      return "unexpected end of input";
    }
    String message = String.valueOf(e.getOriginalMessage());
    Matcher character = UNEXPECTED_CHARACTER.matcher(message);
    if (character.find()) {
      int code = Integer.parseInt(character.group(2));
      return code < 0x20 || code == 0x7f ? "unexpected control character (code " + code + ")"
          : "unexpected character '" + character.group(1) + "'";
    }
    Matcher token = UNRECOGNIZED_TOKEN.matcher(message);
    if (token.find()) {
      String text = token.group(1);
      return "unexpected text '"
          + (text.length() > MAX_TOKEN ? text.substring(0, MAX_TOKEN) + "..." : text) + "'";
    }
    if (message.startsWith("Illegal unquoted character")) {
      return "a control character inside a string must be escaped";
    }
    if (message.startsWith("Invalid UTF-8")) {
      return NOT_UTF8;
    }
    return "malformed JSON";
  }

  private static String at(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 1) {
      return "somewhere";
    }
    return "at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** {@code ruleSet.domainRules[0].kind}: the names a client wrote, dotted, indexes bracketed. */
  static String fieldPath(List<JsonMappingException.Reference> path) {
    StringBuilder text = new StringBuilder();
    for (JsonMappingException.Reference step : path) {
      if (step.getFieldName() != null) {
        text.append(text.length() == 0 ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        text.append('[').append(step.getIndex()).append(']');
      }
    }
    return text.toString();
  }

  /** The JSON a field of this Java type takes, as a client would write it. */
  static String expected(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants())
          .map(String::valueOf).collect(Collectors.joining(", "));
    }
    return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "an object" : "a number";
  }
}
