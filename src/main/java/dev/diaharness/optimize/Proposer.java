package dev.diaharness.optimize;

/** The port that suggests the next config from training evidence. Implementations are thread-safe. */
public interface Proposer {
  /**
   * @throws ProposerException when the proposer could not produce anything (e.g. its model is down); the loop
   *     then ends cleanly with everything written
   */
  Proposal propose(ProposalContext context);
}
