public import ErrorCatalog

/// GENIQ, the SMS gateway (also carrying WhatsApp): errors of its RESTful API (`api.geniq.io/rest/v1`), of
/// its delivery reports and of its WhatsApp template management calls.
///
/// GENIQ has three number spaces that overlap, so every code names its table (``Code``):
/// - API answers carry `responseCode` in `{"reference", "responseMessage", "responseCode", "messageIds"}`,
///   usually inside HTTP 200; `"0"` is success. Call `classify(status:headers:body:)`.
/// - Delivery reports (SMS and WhatsApp callbacks, as JSON or as a query string) carry `reasonCode`.
///   Call `classifyReport(body:)`.
/// - WhatsApp template management answers use the same envelope with Meta's codes, where `"0"` means an
///   expired or revoked access token. Call `classifyTemplateResponse(status:headers:body:)`.
public enum GENIQ {
  /// A classified GENIQ error; its ``Code`` says which of the three tables the code came from.
  public typealias Error = ClassifiedError<Code>
}
