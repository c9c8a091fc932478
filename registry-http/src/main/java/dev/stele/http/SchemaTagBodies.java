package dev.stele.http;

import dev.stele.http.RequestTypes.SchemaTags;
import dev.stele.http.RequestTypes.TagSchemaRequest;
import dev.stele.registry.model.ErrorCode;
import dev.stele.registry.model.Requests;
import dev.stele.schema.SchemaEntity;
import dev.stele.schema.TagEdit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Schema tags in request bodies ({@code schemaTagsToAdd} on a registration, {@code tagsToAdd} on
 * {@code POST .../tags}) as a {@link TagEdit}. An entry without an entity, a path or a type is
 * refused with 42201 naming it: Confluent failed on a null inside its own code there.
 */
final class SchemaTagBodies {
  private SchemaTagBodies() {}

  static TagEdit edit(List<SchemaTags> add, String addName, List<SchemaTags> remove, String removeName) {
    return new TagEdit(tags(add, addName), tags(remove, removeName));
  }

  static Requests.TagVersion tagVersion(String subject, String version, TagSchemaRequest body) {
    return new Requests.TagVersion(subject, version, body.newVersion(),
        edit(body.tagsToAdd(), "tagsToAdd", body.tagsToRemove(), "tagsToRemove"),
        RequestBodies.raw(body.metadata()), RequestBodies.raw(body.ruleSet()),
        RequestBodies.raw(body.rulesToMerge()),
        body.rulesToRemove() == null ? null : body.rulesToRemove().stream().filter(Objects::nonNull).toList());
  }

  private static Map<SchemaEntity, Set<String>> tags(List<SchemaTags> entries, String field) {
    Map<SchemaEntity, Set<String>> tags = new LinkedHashMap<>();
    if (entries == null) {
      return tags;
    }
    for (int i = 0; i < entries.size(); i++) {
      SchemaTags entry = entries.get(i);
      String where = field + "[" + i + "]";
      if (entry == null || entry.schemaEntity() == null) {
        throw invalid(where + " has no schemaEntity");
      }
      if (entry.schemaEntity().entityPath() == null || entry.schemaEntity().entityType() == null) {
        throw invalid(where + ".schemaEntity needs an entityPath and an entityType (sr_record or sr_field)");
      }
      SchemaEntity entity = new SchemaEntity(entry.schemaEntity().entityPath(),
          SchemaEntity.Type.valueOf(entry.schemaEntity().entityType().name()));
      Set<String> names = tags.computeIfAbsent(entity, e -> new LinkedHashSet<>());
      if (entry.tags() != null) {
        entry.tags().stream().filter(Objects::nonNull).forEach(names::add);
      }
    }
    return tags;
  }

  private static RuntimeException invalid(String problem) {
    return ErrorCode.INVALID_SCHEMA.exception("Invalid schema tags: " + problem);
  }
}
