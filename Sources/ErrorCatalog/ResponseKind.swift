/// Where a body came from.
@nonexhaustive
public enum ResponseKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// A synchronous API response.
  case response
  /// A status callback (for example WhatsApp `statuses[].errors[]`).
  case webhook
  /// A delivery report (for example GENIQ's `reasonCode` callback).
  case report
}
