public import ErrorCatalog

/// Cequens, a WhatsApp Business API provider.
///
/// Cequens' documentation merges two number spaces, kept apart here: its own authentication errors (HTTP
/// 401 with the titles `MISSING_TOKEN`, `INVALID_ACCESS_TOKEN`, `VALIDATION`, `TOKEN`; ``AuthCode``) and the
/// WhatsApp Business API codes 400 … 2013 (``WhatsAppCode``), where 400, 401, 429, 470 and 500 are error
/// codes, not HTTP statuses. Its REST envelope is `{"replyCode", "replyMessage", "requestId", "data",
/// "error": {"status", "description", "internalErrors": [{"code", "details"}]}}`; WhatsApp errors come as
/// an `errors: [{code, title, details}]` array, bare or inside the envelope, and Meta's Graph `error` object
/// may be passed through (``Code/cloudAPI(_:)``).
/// Call `classify(status:headers:body:)` for responses and `classifyWebhook(body:)` for webhooks.
public enum Cequens {
  /// A classified Cequens error.
  public typealias Error = ClassifiedError<Code>
}
