package dev.stele.registry.log;

import dev.stele.registry.model.Config;
import dev.stele.registry.model.Mode;
import dev.stele.registry.model.RawJson;
import dev.stele.kms.DekFormat;
import dev.stele.schema.SchemaReference;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One record of the log, one type per key type of the Confluent {@code _schemas} topic
 * (../shared/API.md §3.2), plus the DEK registry's two key types of Confluent's
 * {@code _dek_registry_keys} topic ({@link KekRecord}, {@link DekRecord}; decision 0014). A null
 * value is a tombstone: the key's earlier records are void. {@link RecordCodec} turns these into
 * the topics' exact key and value bytes and back.
 */
public sealed interface RegistryRecord {

  /**
   * A subject version ({@code keytype SCHEMA}); a null value permanently deletes the version.
   */
  record SchemaRecord(String subject, int version, SchemaValue value) implements RegistryRecord {
    public SchemaRecord {
      Objects.requireNonNull(subject, "subject");
    }
  }

  /** The value of a SCHEMA record. */
  record SchemaValue(
      int id, String schemaType, List<SchemaReference> references, RawJson metadata,
      RawJson ruleSet, String schema, boolean deleted) {
    public SchemaValue {
      Objects.requireNonNull(schemaType, "schemaType");
      Objects.requireNonNull(schema, "schema");
      references = List.copyOf(references);
    }

    public SchemaValue withDeleted(boolean isDeleted) {
      return new SchemaValue(id, schemaType, references, metadata, ruleSet, schema, isDeleted);
    }
  }

  /**
   * A scope's config ({@code keytype CONFIG}): subject null for the global scope, a context scope
   * is the subject {@code :.ctx:}. A null value deletes the config.
   */
  record ConfigRecord(String subject, Config value) implements RegistryRecord {}

  /** A scope's mode ({@code keytype MODE}), scoped like {@link ConfigRecord}. */
  record ModeRecord(String subject, Mode value) implements RegistryRecord {}

  /** Soft-deletes every version of the subject up to {@code version}. */
  record DeleteSubjectRecord(String subject, int version) implements RegistryRecord {
    public DeleteSubjectRecord {
      Objects.requireNonNull(subject, "subject");
    }
  }

  /** Drops the soft-deleted versions of a subject from the id indexes (entering IMPORT mode). */
  record ClearSubjectRecord(String subject) implements RegistryRecord {
    public ClearSubjectRecord {
      Objects.requireNonNull(subject, "subject");
    }
  }

  /** Carries nothing: written to learn where the log ends. */
  record NoopRecord() implements RegistryRecord {}

  /** A context came to exist ({@code deleted} false) or was deleted. */
  record ContextRecord(String tenant, String context, boolean deleted) implements RegistryRecord {
    /** The tenant of every record outside Confluent's multi-tenant cloud. */
    public static final String DEFAULT_TENANT = "default";

    public ContextRecord {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(context, "context");
    }
  }

  /**
   * A key encryption key of the DEK registry (key type {@code KEK}); a null value permanently
   * deletes it. The tenant is always Confluent's {@code default}.
   */
  record KekRecord(String name, KekValue value) implements RegistryRecord {
    public KekRecord {
      Objects.requireNonNull(name, "name");
    }
  }

  /** The value of a KEK record; {@code kmsProps} sorted, as Confluent keeps them. */
  record KekValue(String kmsType, String kmsKeyId, SortedMap<String, String> kmsProps, String doc,
      boolean shared, boolean deleted) {
    public KekValue {
      Objects.requireNonNull(kmsType, "kmsType");
      Objects.requireNonNull(kmsKeyId, "kmsKeyId");
      kmsProps = Collections.unmodifiableSortedMap(
          kmsProps == null ? new TreeMap<>() : new TreeMap<>(kmsProps));
    }

    public KekValue withDeleted(boolean isDeleted) {
      return new KekValue(kmsType, kmsKeyId, kmsProps, doc, shared, isDeleted);
    }
  }

  /**
   * One version of a data encryption key under a KEK, for a subject and an algorithm (key type
   * {@code DEK}); a null value permanently deletes that version.
   */
  record DekRecord(String kekName, String subject, DekFormat algorithm, int version, DekValue value)
      implements RegistryRecord {
    public DekRecord {
      Objects.requireNonNull(kekName, "kekName");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(algorithm, "algorithm");
    }
  }

  /**
   * The value of a DEK record: the key material wrapped by the KEK (base64), never the raw
   * material, which only a shared KEK's KMS can recover.
   */
  record DekValue(String encryptedKeyMaterial, boolean deleted) {
    public DekValue withDeleted(boolean isDeleted) {
      return new DekValue(encryptedKeyMaterial, isDeleted);
    }
  }
}
