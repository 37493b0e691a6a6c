public import ErrorCatalog

/// 360dialog, a WhatsApp Business API provider.
///
/// 360dialog answers in three shapes depending on who produced the error: its own gateway's `meta` object
/// (`httpCode`/`http_code`, `developerMessage`/`developer_message`), Meta's Graph `error` object passed
/// through by the Cloud API (see the `WhatsApp` module), and the legacy On-Premise API's
/// `errors: [{code, title, details}]`. Status webhooks report failures under `statuses[].errors[]`.
/// Call `classify(status:headers:body:)` for responses and `classifyWebhook(body:)` for webhooks.
public enum Dialog360 {
  /// A classified 360dialog error. Its `ClassifiedError/code` is a ``Code``: an API, webhook or Hub code,
  /// or a Meta code (`.cloudAPI`) passed through by the Cloud API.
  public typealias Error = ClassifiedError<Code>
}
