package dev.diaharness.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * Stable question ids for rows without a {@code question_id}: {@code "q_"} + the first 12 hex characters of the
 * SHA-256 of the question, after Unicode NFC normalisation, trimming and collapsing runs of whitespace. The Python
 * tool gave CSV/XLSX rows a fresh uuid4 on every load (SPEC §7), so no question could be followed across iterations
 * or runs; this id is the same on every load, in every JVM, for every file format. Stateless and thread-safe.
 */
public final class QuestionIds {
  /** Prefix of a derived id, so it is never mistaken for a given one that is all hex. */
  public static final String PREFIX = "q_";
  private static final int HEX_CHARS = 12;

  private QuestionIds() {}

  /** The derived id of a question, e.g. {@code q_3f2a9c01b7de}. */
  public static String derive(String question) {
    String text = Normalizer.normalize(question, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e); // every JVM must provide it
    }
  }
}
