package dev.diaharness.llm;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ChatModel} that checks the budget before each call and records the call's tokens and cost under one role
 * afterwards. Wrap the shared provider model once per role (the judge, the proposer…). Thread-safe.
 */
public final class MeteredChatModel implements ChatModel {
  private final ChatModel delegate;
  private final UsageRole role;
  private final UsageLedger ledger;
  private final Optional<Budget> budget;

  public MeteredChatModel(ChatModel delegate, UsageRole role, UsageLedger ledger, Optional<Budget> budget) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.role = Objects.requireNonNull(role, "role");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  /**
   * {@inheritDoc}
   *
   * @throws BudgetExceededException before any call when the budget could be crossed
   */
  @Override
  public ChatReply complete(ChatRequest request) {
    Optional<Budget.Reservation> reservation = budget.map(b -> b.reserve(delegate.id(), request));
    try {
      ChatReply reply = delegate.complete(request);
      // priced by the configured name: a provider's dated model version may be missing from the table
      ledger.record(role, delegate.id(), reply.usage());
      return reply;
    } finally {
      reservation.ifPresent(Budget.Reservation::close);
    }
  }

  @Override
  public String id() {
    return delegate.id();
  }
}
