package dev.diaharness.agent;

/** Where the SQL of an answer was found. */
public enum SqlSource {
  /** in the text of the first answer */
  ANSWER,
  /** in the answer to the follow-up "what was the sql query used for the previous answer?" */
  FOLLOW_UP,
  /** only in the agent's thoughts */
  THOUGHTS,
  /** nowhere */
  NONE
}
