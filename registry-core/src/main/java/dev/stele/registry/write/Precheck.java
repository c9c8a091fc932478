package dev.stele.registry.write;

import dev.stele.registry.model.Results.Compatibility;
import dev.stele.registry.model.SchemaContent;
import dev.stele.registry.model.StoredSchema;
import dev.stele.registry.read.CheckTerms;
import dev.stele.registry.state.VersionEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * A registration's compatibility verdict, reached before the writer runs it: on a checking thread,
 * against the durable state. The writer thread then decides on its pending state and reuses the
 * verdict when the check it is about to run is the same check (the same candidate against the
 * same versions under the same terms: level, policy, field checks), which holds unless a write to the subject landed in between;
 * otherwise it checks again itself. So the expensive part of a registration (parsing old
 * versions, comparing) does not hold up the writes of other subjects, and the decision is still
 * taken on the pending state alone.
 *
 * <p>Assumption: one instance serves one registration; it is filled on the checking thread and
 * read on the writer thread after the checking stage completed (a happens-before edge).
 */
public final class Precheck {
  /** Everything a compatibility verdict depends on. */
  private record Key(SchemaContent candidate, List<Checked> against, CheckTerms terms) {}

  /** A version checked against, by value (the pending and the durable state hold copies). */
  private record Checked(int version, StoredSchema schema) {}

  private Key key;
  private Compatibility verdict;

  /** The verdict for this check if one was reached for exactly it, or null. */
  Compatibility reuse(SchemaContent candidate, List<VersionEntry> against, CheckTerms terms) {
    Key asked = key(candidate, against, terms);
    return asked.equals(key) ? verdict : null;
  }

  void remember(SchemaContent candidate, List<VersionEntry> against, CheckTerms terms,
      Compatibility result) {
    key = key(candidate, against, terms);
    verdict = result;
  }

  private static Key key(SchemaContent candidate, List<VersionEntry> against, CheckTerms terms) {
    List<Checked> checked = new ArrayList<>(against.size());
    for (VersionEntry entry : against) {
      checked.add(new Checked(entry.version(), entry.schema()));
    }
    return new Key(candidate, checked, terms);
  }
}
