/// What happened, in terms that mean the same whichever provider reported it, so generic code can act on
/// one meaning across providers, as carriers' many delivery codes are unified into a few canonical ones.
///
/// A catalog entry that is an instance of a situation names it; entries of one situation share their
/// category, retry and fault unless the catalog says why one differs. New situations may be added, never
/// renamed: the raw values are part of the `errcat` JSON contract (`"situation"`), and a `switch` needs an
/// `@unknown default`.
@nonexhaustive
public enum Situation: String, Sendable, Hashable, Codable, CaseIterable {
  /// Credentials are missing, malformed or wrong; correct them before retrying.
  case credentialsInvalid
  /// The access token expired or was revoked; get a new one, then retry.
  case credentialsExpired
  /// The credentials are valid but lack the permission the call needs.
  case permissionDenied
  /// The request came from an address the account does not allow.
  case ipNotAllowed
  /// Too many requests in a short time, or too many at once; retry with backoff.
  case rateLimited
  /// A daily or plan quota is used up; wait for it to reset.
  case dailyQuotaExhausted
  /// Credit, payment or invoicing stands in the way.
  case insufficientFunds
  /// The account, number or channel is disabled, expired, suspended or not set up.
  case accountUnavailable
  /// The customer-service window is closed: only an approved template may be sent.
  case conversationWindowClosed
  /// The template does not exist in that name and language, or is not approved.
  case templateMissing
  /// The template's parameters do not fit it.
  case templateParametersInvalid
  /// The request is malformed or carries invalid or missing values.
  case requestInvalid
  /// A referenced resource, or the data asked for, does not exist.
  case resourceNotFound
  /// The request duplicates something that already exists or is under way.
  case duplicateRequest
  /// The recipient's number has no WhatsApp account, or their app cannot receive this message.
  case recipientNotOnWhatsApp
  /// The recipient's number is malformed or does not exist.
  case recipientNumberInvalid
  /// The recipient is barred or blocked from receiving messages.
  case recipientBarred
  /// The recipient's handset is off or out of reach for now.
  case recipientUnreachable
  /// The recipient is part of a provider experiment that withholds this message.
  case recipientInExperiment
  /// The recipient has received their share of marketing messages for now, so this one was not delivered.
  case recipientMarketingLimited
  /// A spam or quality limit holds the account's messages back for a while.
  case qualityLimited
  /// A provider policy blocks the request or the account.
  case policyBlocked
  /// Media could not be downloaded, uploaded or processed.
  case mediaFailed
  /// The provider's platform failed, is overloaded or is unavailable.
  case providerUnavailable
  /// The message outlived its time to live or validity period undelivered and was dropped; it is never
  /// resent automatically, since late delivery (of a one-time code, say) is what the expiry prevents.
  case messageExpired
  /// The provider reports a failure without saying why; since the cause and what became of the request are
  /// unknown, nothing is resent automatically.
  case unspecifiedFailure
}
