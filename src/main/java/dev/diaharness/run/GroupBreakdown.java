package dev.diaharness.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One split's accuracy by group of questions, in one iteration: by tag and by complexity, as the golden set assigns
 * them. Both keep the order given (see {@link GroupTallies}). Immutable.
 *
 * @param byTag        tag → accuracy of the questions carrying it, tags with more questions first (equal sizes in the
 *                     set's order); empty when the set has no tags
 * @param byComplexity complexity → accuracy of those questions, Simple, Medium, Complex first (other values after
 *                     them, in the set's order); empty when the set gives none
 */
public record GroupBreakdown(Map<String, GroupAccuracy> byTag, Map<String, GroupAccuracy> byComplexity) {

  /** No groups: a set without tags or complexity. */
  public static final GroupBreakdown NONE = new GroupBreakdown(Map.of(), Map.of());

  public GroupBreakdown {
    byTag = Collections.unmodifiableMap(new LinkedHashMap<>(byTag));
    byComplexity = Collections.unmodifiableMap(new LinkedHashMap<>(byComplexity));
  }
}
