package dev.stele.registry.read;

import dev.stele.registry.model.RegistryException;
import dev.stele.registry.model.Requests;
import dev.stele.registry.model.Results.FieldMatch;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.parse.SchemaParser;
import dev.stele.registry.state.RegistryState;
import dev.stele.registry.state.SubjectHistory;
import dev.stele.registry.state.VersionEntry;
import dev.stele.schema.SchemaField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subjects whose latest live version has a field whose name or type holds a text (ignoring
 * case), in subject order, with the fields that match. Each distinct schema is parsed once and
 * its fields kept lower-cased, so that a search over 100,000 subjects is a scan of short strings
 * rather than of parses; only the first search after a start (or over new schemas) parses.
 * Entries of schemas no subject uses any more stay until the process restarts: they are bounded
 * by the schemas ever registered, and a stale entry is never read, as the key is the schema.
 */
public final class FieldSearch {
  private final RegistryState state;
  private final SchemaParser parser;
  private final Map<StoredSchema, Indexed> index = new ConcurrentHashMap<>();

  public FieldSearch(RegistryState state, SchemaParser parser) {
    this.state = state;
    this.parser = parser;
  }

  public List<FieldMatch> find(Requests.FindFields request) {
    String needle = request.text().toLowerCase(Locale.ROOT);
    List<FieldMatch> found = new ArrayList<>();
    for (Map.Entry<String, SubjectHistory> subject : state.subjects().entrySet()) {
      VersionEntry latest = subject.getValue().latestLive();
      if (latest == null) {
        continue;
      }
      List<SchemaField> matching = index.computeIfAbsent(latest.schema(), this::indexed).matching(needle, request.in());
      if (!matching.isEmpty()) {
        found.add(new FieldMatch(subject.getKey(), latest.version(), latest.schema().id(),
            latest.schema().schemaType(), matching));
      }
    }
    return Reads.page(found, request.offset(), request.limit(), Integer.MAX_VALUE);
  }

  private Indexed indexed(StoredSchema schema) {
    try {
      List<SchemaField> fields = parser.parseStored(schema, state).fields();
      String[] names = new String[fields.size()];
      String[] types = new String[fields.size()];
      for (int i = 0; i < fields.size(); i++) {
        names[i] = fields.get(i).name().toLowerCase(Locale.ROOT);
        types[i] = fields.get(i).type().toLowerCase(Locale.ROOT);
      }
      return new Indexed(List.copyOf(fields), names, types);
    } catch (RegistryException e) {
      // A stored schema that no longer parses (a reference deleted permanently): nothing to find.
      return new Indexed(List.of(), new String[0], new String[0]);
    }
  }

  /** A schema's fields, with their names and types lower-cased once. */
  private record Indexed(List<SchemaField> fields, String[] names, String[] types) {
    List<SchemaField> matching(String needle, Requests.FieldPart in) {
      List<SchemaField> out = null;
      for (int i = 0; i < names.length; i++) {
        boolean hit = (in != Requests.FieldPart.TYPE && names[i].contains(needle))
            || (in != Requests.FieldPart.NAME && types[i].contains(needle));
        if (hit) {
          if (out == null) {
            out = new ArrayList<>();
          }
          out.add(fields.get(i));
        }
      }
      return out == null ? List.of() : out;
    }
  }
}
