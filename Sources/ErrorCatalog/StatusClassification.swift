/// The classification of an answer nothing in a catalog recognized, from its HTTP status alone.
@usableFromInline
package struct StatusClassification: Sendable, Hashable {
  /// What went wrong.
  package let category: ErrorCategory
  /// Whether and when to retry.
  package let retry: Retry
  /// Whose side must act.
  package let fault: Fault

  /// Creates a classification.
  package init(category: ErrorCategory, retry: Retry, fault: Fault) {
    self.category = category
    self.retry = retry
    self.fault = fault
  }

  /// The classification HTTP itself implies for `status`: 5xx, 408, 425 and 429 are worth a backoff,
  /// 401 is authentication, 403 permission, 402 billing, 404 and 410 not found, 409 a conflict, other 4xx
  /// an invalid request. A missing status, or one that is not an error, tells nothing.
  package static func forHTTPStatus(_ status: Int?) -> StatusClassification {
    guard let status else { return .unknown }
    switch status {
    case 401: return .init(category: .authentication, retry: .afterReauth, fault: .account)
    case 402: return .init(category: .billing, retry: .afterFix, fault: .account)
    case 403: return .init(category: .permission, retry: .afterFix, fault: .account)
    case 404: return .init(category: .notFound, retry: .afterFix, fault: .caller)
    case 408: return .init(category: .provider, retry: .backoff, fault: .provider)
    case 409: return .init(category: .conflict, retry: .afterFix, fault: .caller)
    case 410: return .init(category: .notFound, retry: .never, fault: .caller)
    case 425: return .init(category: .rateLimit, retry: .backoff, fault: .caller)
    case 429: return .init(category: .rateLimit, retry: .backoff, fault: .caller)
    case 400...499: return .init(category: .invalidRequest, retry: .afterFix, fault: .caller)
    case 500...599: return .init(category: .provider, retry: .backoff, fault: .provider)
    default: return .unknown
    }
  }

  /// Nothing is known.
  package static let unknown = StatusClassification(category: .unknown, retry: .afterFix, fault: .unknown)
}
