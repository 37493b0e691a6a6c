public import ErrorCatalog

extension WhatsApp: ResponseClassifier, WebhookClassifier {
  /// Classifies one Cloud API (Graph) answer: the `error` object's `code` decides, its `error_subcode`,
  /// details and trace id come back in `parameters`. A 2xx answer without an `error` is success, with the
  /// message id and recipient in its references.
  public static func classify(
    status: Int?, headers: [String: String], body: ResponseBody, now: WallClockTime
  ) -> Classification<Error> {
    let seconds = now.secondsSince1970
    // The Graph `error` object's code and texts decide; the rest is read from the body by `graphFields` only
    // when asked for.
    let deferred = DeferredFields(context: headers, reader: graphFields)
    let (isJSON, decision) = graphDecision(in: body, table: Code.table)
    guard let decision else {
      if body.isPlainSuccess(status: status, isJSON: isJSON) {
        return .success(
          ProviderSuccess(provider: .whatsapp, kind: .response, status: status, deferred: deferred, body: body))
      }
      return Classification(
        Error.Details(
          provider: .whatsapp, match: nil, status: status, headers: headers, deferred: deferred, body: body,
          now: seconds))
    }
    let error: Error.Details = decision.error(
      provider: .whatsapp, code: decision.match.flatMap { Code.code(of: $0.entry) }, kind: .response, status: status,
      headers: headers, deferred: deferred, body: body, now: seconds)
    return Classification(error)
  }

  /// Classifies a Cloud API webhook: one classification per status and per reported error, in document
  /// order. Delivered and read statuses are successes that keep their message id, recipient, status
  /// and timestamp; a sent status is pending (``Code/messageSent``), since a sent message can still fail;
  /// failed statuses, failed inbound messages (`messages[].errors`) and system errors (`value.errors`) are
  /// failures.
  public static func classifyWebhook(body: [UInt8]) -> [Classification<Error>] {
    webhookClassifications(in: ResponseBody(body), provider: .whatsapp, ownTable: nil)
  }
}
