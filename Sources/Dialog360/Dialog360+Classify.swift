public import ErrorCatalog
import WhatsApp

extension Dialog360: ResponseClassifier, WebhookClassifier {
  /// Classifies one 360dialog API answer.
  ///
  /// The body decides before the HTTP status: 360dialog's status can disagree with the body (an invalid
  /// API key is HTTP 401 with `"httpCode": 404`) and several different errors share HTTP 400, so the
  /// gateway's message is matched first and its code second. Graph errors are looked up in Meta's
  /// catalog (``Code/cloudAPI(_:)``), On-Premise `errors` in the API table and then the Hub table.
  /// HTML pages, empty and unknown bodies come back unrecognized, classified from the status.
  public static func classify(
    status: Int?, headers: [String: String], body: ResponseBody, now: Double
  ) -> Classification<Error> {
    let json = body.json
    if let graph = WhatsApp.GraphError(json) {
      let error: Error = WhatsApp.error(
        for: graph, provider: .dialog360, status: status, headers: headers, body: body, now: now)
      return .failure(error)
    }
    if let first = json?.member("errors")?.arrayValue?.first {
      return .failure(onPremiseError(first, status: status, headers: headers, body: body, now: now))
    }
    if let meta = json?.member("meta"), let gateway = Gateway(meta) {
      if gateway.succeeded, let status, (200..<300).contains(status) { return .success }
      if gateway.succeeded && status == nil { return .success }
      var match: CatalogMatch?
      if let message = gateway.message { match = APICode.table.match(message: message, code: gateway.code) }
      if match == nil, let code = gateway.code { match = APICode.table.match(code: code, message: gateway.message) }
      if match == nil, let status { match = APICode.table.match(code: String(status), message: gateway.message) }
      let error = Error(
        provider: .dialog360, match: match, status: status, headers: headers, rawCode: gateway.code,
        rawMessage: gateway.message, body: body, fallbackStatus: gateway.status ?? status, now: now)
      return .failure(error)
    }
    if body.isPlainSuccess(status: status) { return .success }
    return .failure(Error(provider: .dialog360, match: nil, status: status, headers: headers, body: body, now: now))
  }

  /// Classifies a status webhook: one error per failed status, with the message id and recipient in its
  /// parameters. Webhook codes are looked up in the webhook table first (On-Premise webhooks), then in
  /// Meta's catalog (Cloud API webhooks, such as 131047); the Cloud API envelope reverses that order.
  /// Delivered, read and sent statuses are not errors, so such a webhook gives an empty array.
  public static func classifyWebhook(body: [UInt8]) -> [Error] {
    WhatsApp.webhookErrors(in: ResponseBody(body), provider: .dialog360, ownTable: WebhookCode.table)
  }

  static func onPremiseError(
    _ item: JSONValue, status: Int?, headers: [String: String], body: ResponseBody, now: Double
  ) -> Error {
    let code = item.member("code")?.scalarText
    let title = item.member("title")?.messageText
    let details = item.member("details")?.messageText
    var match: CatalogMatch?
    if let code {
      match =
        APICode.table.match(code: code, message: details ?? title)
        ?? HubCode.table.match(code: code, message: details ?? title)
    }
    var parameters: [String: String] = [:]
    parameters["title"] = title
    parameters["details"] = details
    parameters["href"] = item.member("href")?.scalarText
    return Error(
      provider: .dialog360, match: match, status: status, headers: headers, rawCode: code,
      rawMessage: details ?? title, parameters: parameters, body: body, now: now)
  }

  /// 360dialog's gateway `meta` object, in camelCase or snake_case.
  struct Gateway {
    var code: String?
    var status: Int?
    var message: String?
    var succeeded: Bool

    init?(_ meta: JSONValue) {
      guard meta.isObject else { return nil }
      let codeValue = meta.member("httpCode", "http_code")
      message = meta.member("developerMessage", "developer_message", "message")?.messageText
      if case .bool(let success)? = meta.member("success") {
        succeeded = success
      } else {
        succeeded = codeValue == nil && message == nil
      }
      // `{"meta": {"api_status": "stable"}}` alone is the On-Premise success envelope.
      guard codeValue != nil || message != nil || meta.member("success") != nil else {
        succeeded = true
        return
      }
      code = codeValue?.scalarText
      if let number = codeValue?.intValue, (100..<600).contains(number) { status = number }
    }
  }
}
