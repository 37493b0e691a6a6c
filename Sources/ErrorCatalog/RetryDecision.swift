/// What a ``RetryPolicy`` says to do after a failed attempt.
///
/// New decisions may be added, so a `switch` needs an `@unknown default`.
@nonexhaustive
public enum RetryDecision: Sendable, Hashable, CustomStringConvertible {
  /// Resend the same request after this delay (never shorter than the response's `Retry-After`).
  case retry(after: Duration)
  /// A quota or window resets later, or the wait is longer than the policy's cap: resend after this delay
  /// (the error's ``ProviderError/wait``), or after the reset when the delay is unknown (`nil`).
  case waitForReset(after: Duration?)
  /// Get new credentials, then resend.
  case reauthenticate
  /// Do not resend.
  case stop(StopReason)

  /// Why a policy says not to resend.
  @nonexhaustive
  public enum StopReason: String, Sendable, Hashable, CaseIterable {
    /// The request, data or account must change first (``Retry/afterFix``).
    case fixRequired
    /// Nothing the caller can change makes the request succeed (``Retry/never``).
    case never
    /// What was asked already holds or is under way (``Retry/notNeeded``).
    case notNeeded
    /// The policy's ``RetryPolicy/maxAttempts`` were all made.
    case attemptsExhausted
    /// The response asked for a longer wait (`Retry-After`) than the policy's ``RetryPolicy/maxDelay``. No
    /// longer given: such a wait is now ``RetryDecision/waitForReset(after:)`` with its delay, to be
    /// scheduled.
    case waitTooLong
    /// The provider may have accepted the request (``Delivery/unknown``) and the policy is not
    /// ``RetryPolicy/isIdempotent``: find out first, from the status webhook of the message id or the
    /// provider's status lookup (GENIQ's reference), or resend with an idempotency key.
    case outcomeUnknown
    /// The provider accepted the message and it failed later (``Delivery/acceptedThenFailed``): a resend
    /// would be a new, paid message, which is a decision of its own.
    case acceptedThenFailed
  }

  /// Whether the request may be resent at all, now or later.
  public var resends: Bool {
    if case .stop = self { return false }
    return true
  }

  /// One line: the decision and its delay or reason.
  public var description: String {
    switch self {
    case .retry(let delay): "retry after \(delay)"
    case .waitForReset(let delay?): "wait for the reset, \(delay) away"
    case .waitForReset(nil): "wait for the reset"
    case .reauthenticate: "reauthenticate, then retry"
    case .stop(let reason): "stop: \(reason.rawValue)"
    }
  }
}
