package dev.diaharness.agent;

/** Where the SQL of an answer was found. */
public enum SqlSource {
  /** a grounding reference's {@code codeSnippet} whose {@code documentMetadata.language} is SQL: the SQL the tool ran */
  GROUNDING,
  /** a reply's {@code content.executableCode.code} that is a SQL statement */
  EXECUTABLE_CODE,
  /** in the text of the first answer */
  ANSWER,
  /** in the answer to the follow-up "what was the sql query used for the previous answer?" */
  FOLLOW_UP,
  /** only in the agent's thoughts */
  THOUGHTS,
  /** nowhere */
  NONE
}
