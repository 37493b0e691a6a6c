/// Whose side must act for the request to succeed.
///
/// The raw values are part of the `errcat` JSON contract: they may be added to, never renamed.
@nonexhaustive
public enum Fault: String, Sendable, Hashable, Codable, CaseIterable {
  /// The integration's request or code.
  case caller
  /// The account owner: credentials, billing, licences, settings.
  case account
  /// The end user or their handset.
  case recipient
  /// The provider's platform.
  case provider
  /// The network between the provider and the recipient.
  case carrier
  /// Nobody can tell.
  case unknown
}
