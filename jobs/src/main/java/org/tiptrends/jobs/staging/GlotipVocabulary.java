package org.tiptrends.jobs.staging;

import java.util.Locale;
import java.util.Map;

/**
 * The published GLOTIP vocabularies mapped to the marts' codes. A value not listed here is not
 * guessed: the row is quarantined with the value named.
 */
final class GlotipVocabulary {
  private GlotipVocabulary() {}

  static final Map<String, String> INDICATORS = Map.of(
      "detected trafficking victims", "detected_victims",
      "persons prosecuted", "persons_prosecuted",
      "persons convicted", "persons_convicted",
      "persons brought into formal contact", "persons_brought_into_formal_contact",
      "offences of trafficking in persons", "offences");

  static final Map<String, String> DIMENSIONS = Map.of(
      "total", "total",
      "by form of exploitation", "form",
      "by citizenship", "citizenship",
      "by country of repatriation", "repatriation");

  static final Map<String, String> SEX = Map.of(
      "total", "total", "female", "female", "male", "male", "other", "other", "unknown", "unknown");

  static final Map<String, String> AGE = Map.of(
      "total", "total", "18 years or over", "adult", "0 to 17 years", "child", "unknown", "unknown");

  static final Map<String, String> FORMS = Map.of(
      "sexual exploitation", "sexual_exploitation",
      "forced labour", "forced_labour",
      "forced labor", "forced_labour",
      "other forms of exploitation", "other");

  /**
   * Categories of Dimension "by country of repatriation" that name no country but all of them:
   * from 2017 on, the reporting country's "Abroad" row is (within the {@code <5} bounds) the sum of
   * its rows that name countries, so counting it as a place would count those victims twice.
   */
  static final java.util.Set<String> REPATRIATION_TOTALS = java.util.Set.of("abroad");

  static boolean isRepatriationTotal(String category) {
    return category != null && REPATRIATION_TOTALS.contains(category.strip().toLowerCase(Locale.ROOT));
  }

  static String lookup(Map<String, String> vocabulary, String value) {
    return value == null ? null : vocabulary.get(value.strip().toLowerCase(Locale.ROOT));
  }
}
