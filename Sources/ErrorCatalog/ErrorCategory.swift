/// What went wrong, in terms that mean the same for every provider.
///
/// The raw values are part of the `errcat` JSON contract: they may be added to, never renamed.
@nonexhaustive
public enum ErrorCategory: String, Sendable, Hashable, Codable, CaseIterable {
  /// Credentials are missing, malformed, invalid or expired.
  case authentication
  /// The credentials are valid but not allowed to do this (from this address, on this resource).
  case permission
  /// Too many requests in a short time, or too many at once.
  case rateLimit
  /// A daily or plan quota, or a licence count, is used up.
  case quota
  /// Payment, credit or invoicing stands in the way.
  case billing
  /// The account or number is disabled, expired, suspended or not set up.
  case account
  /// Something in the account's or the integration's set-up is wrong (a feature off, a version, a certificate).
  case configuration
  /// The request itself is malformed or carries invalid values.
  case invalidRequest
  /// A referenced resource, or the data asked for, does not exist.
  case notFound
  /// The request clashes with the current state (a duplicate, an already started campaign).
  case conflict
  /// The customer-service window is closed: only a template may open the conversation.
  case conversationWindow
  /// A message template is missing, unapproved, or its parameters do not fit.
  case template
  /// The recipient (number, handset, subscriber) cannot receive the message.
  case recipient
  /// A provider or platform policy blocks the request.
  case policy
  /// The provider's platform failed or is unavailable.
  case provider
  /// Nothing is known about what went wrong.
  case unknown
}
