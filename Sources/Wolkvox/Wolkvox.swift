public import ErrorCatalog

/// Wolkvox, the contact-centre platform: errors of its Manager API (`wv{server}.wolkvox.com/api/v2`) and CRM
/// API (`crm{NNNN}.wolkvox.com/server/API/v2`), which share one error vocabulary.
///
/// Wolkvox answers `{"code": 403, "error": "FORBIDDEN", "msg": "TOKEN LIMIT EXCEEDED"}`; one status covers
/// many messages, so the message decides which error it is. Call `classify(status:headers:body:)`.
public enum Wolkvox {
  /// A classified Wolkvox error.
  public typealias Error = ClassifiedError<Code>
}
