/// How a delivery report's failure reason combines with its status, as the catalog says for each status
/// (`reasonRule`).
package enum ReasonRule: Sendable, Hashable {
  /// The status decides whatever the reason says (a success, or a step under way); the reason stays in the
  /// parameters.
  case statusDecides
  /// A failure reason replaces the status when it holds a resend back at least as firmly (`never`, then
  /// `afterFix`, `afterReset`, `afterReauth`, `backoff`, `notNeeded`): it refines the status, never loosens
  /// it, so a final status (an expiry, retry `never`) is replaced only by a reason that is final too.
  case stricterReasonReplaces

  /// The match a `status` and a failure `reason` combine to under this rule.
  package func combine(status: CatalogMatch, reason: CatalogMatch?) -> CatalogMatch {
    guard case .stricterReasonReplaces = self, let reason,
      Self.strictness(reason.entry.retry) >= Self.strictness(status.entry.retry)
    else { return status }
    return reason
  }

  /// How firmly a retry value holds a resend back: `never` most, `notNeeded` least.
  package static func strictness(_ retry: Retry) -> Int {
    switch retry {
    case .never: 5
    case .afterFix: 4
    case .afterReset: 3
    case .afterReauth: 2
    case .backoff: 1
    case .notNeeded: 0
    }
  }
}
