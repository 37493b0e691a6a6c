/// What to do about retrying a request that failed.
///
/// The raw values are part of the `errcat` JSON contract: they may be added to, never renamed.
@nonexhaustive
public enum Retry: String, Sendable, Hashable, Codable, CaseIterable {
  /// Retry the same request automatically with exponential backoff, honouring `Retry-After`.
  ///
  /// Server errors, overload, throttling and concurrency limits.
  case backoff
  /// A quota or window resets later; do not retry before then.
  ///
  /// A daily token limit, for example.
  case afterReset
  /// Get new credentials, then retry.
  ///
  /// An expired access token, for example.
  case afterReauth
  /// The request, data or account must change first; resending it as it is fails again.
  ///
  /// A missing parameter, a missing template, a closed conversation window, an unpaid invoice.
  case afterFix
  /// Nothing the caller can change makes this request succeed.
  ///
  /// A barred recipient, or a user enrolled in a provider experiment.
  case never
  /// What was asked already holds or is under way; there is nothing to retry.
  case notNeeded

  /// Whether a client may resend the identical request automatically.
  public var isAutomatic: Bool { self == .backoff }
}
