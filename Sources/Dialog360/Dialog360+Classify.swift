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
    status: Int?, headers: [String: String], body: ResponseBody, now: WallClockTime
  ) -> Classification<Error> {
    let seconds = now.secondsSince1970
    // A Graph error is read in place (its other fields only when asked for); the gateway's own shapes
    // are rarer and read whole.
    if let decision = WhatsApp.graphDecision(in: body, table: WhatsApp.Code.table).decision {
      // Built here rather than through the generic helper, so that it is specialised for this code type.
      let error = Error.Details(
        provider: .dialog360, code: decision.match.flatMap { WhatsApp.Code.code(of: $0.entry).map(Code.cloudAPI) },
        match: decision.match, kind: .response, status: status, headers: headers, rawCode: decision.code,
        deferred: DeferredFields(context: headers, reader: WhatsApp.graphFields), subcode: decision.subcode,
        body: body, fallback: decision.isTransient == true ? WhatsApp.transientFallback : nil, now: seconds)
      return Classification(error)
    }
    // One more validation of the body gives its tree (for the gateway's `meta`), the answer's identifiers
    // and the On-Premise item.
    let answer = WhatsApp.itemShape.resellerAnswer(in: body, answer: WhatsApp.answerShape)
    let json = answer.tree
    let references = WhatsApp.responseReferences(answer: answer.references, headers: headers)
    if let item = answer.listedItem {
      // On-Premise errors: 360dialog's API table, then its Hub table, whose 1005 is the generic On-Premise
      // "Access denied" plus a Hub-specific detail: only that detail identifies it.
      let match = item.match(in: APICode.table) ?? hubMatch(item)
      let error: Error.Details = item.error(
        provider: .dialog360, kind: .response, match: match, status: status, headers: headers,
        references: references, body: body, now: seconds)
      return Classification(error)
    }
    let success = ProviderSuccess(provider: .dialog360, kind: .response, status: status, references: references)
    if let meta = json?.member(gatewayShape.container), let gateway = Gateway(meta) {
      if gateway.succeeded, status.map({ (200..<300).contains($0) }) ?? true { return .success(success) }
      var match: CatalogMatch?
      if let message = gateway.message { match = APICode.table.match(message: message, code: gateway.code) }
      if match == nil, let code = gateway.code { match = APICode.table.match(code: code, message: gateway.message) }
      if match == nil, let status { match = APICode.table.match(code: String(status), message: gateway.message) }
      let error = Error.Details(
        provider: .dialog360, match: match, status: status, headers: headers, rawCode: gateway.code,
        rawMessage: gateway.message, references: references, body: body, fallbackStatus: gateway.status ?? status,
        now: seconds)
      return Classification(error)
    }
    if body.isPlainSuccess(status: status) { return .success(success) }
    return Classification(
      Error.Details(
        provider: .dialog360, match: nil, status: status, headers: headers, references: references, body: body,
        now: seconds
      ))
  }

  /// Classifies a webhook: one classification per status or error it reports, with the message id and
  /// recipient in its references. Webhook codes are looked up in the webhook table first (On-Premise
  /// webhooks), then in Meta's catalog (Cloud API webhooks, such as 131047); the Cloud API envelope
  /// reverses that order. Delivered and read statuses are successes; sent is pending (`.cloudAPI(.messageSent)`), since a sent
  /// message can still fail.
  public static func classifyWebhook(body: [UInt8]) -> [Classification<Error>] {
    WhatsApp.webhookClassifications(in: ResponseBody(body), provider: .dialog360, ownTable: WebhookCode.table)
  }

  /// The Hub entry whose message one of the item's texts is, under the item's own code.
  static func hubMatch(_ item: WhatsApp.ErrorItem) -> CatalogMatch? {
    for text in [item.details, item.message, item.title].compactMap({ $0 }) {
      if let match = HubCode.table.match(message: text, code: item.code), CodeText.same(match.entry.code, item.code) {
        return match
      }
    }
    return nil
  }

  /// 360dialog's gateway `meta` object, in camelCase or snake_case: the names are the catalog's `gateway`
  /// (``gatewayShape``); the rules are here.
  struct Gateway {
    var code: String?
    var status: Int?
    var message: String?
    var succeeded: Bool

    init?(_ meta: JSONValue) {
      guard meta.isObject else { return nil }
      let shape = Dialog360.gatewayShape
      let codeValue = meta.member(shape.code)
      message = meta.member(shape.message)?.messageText
      let successValue = meta.member(shape.success)
      if case .bool(let success)? = successValue {
        succeeded = success
      } else {
        succeeded = codeValue == nil && message == nil
      }
      // `{"meta": {"api_status": "stable"}}` alone is the On-Premise success envelope.
      guard codeValue != nil || message != nil || successValue != nil else {
        succeeded = true
        return
      }
      code = codeValue?.scalarText
      if let number = codeValue?.intValue, (100..<600).contains(number) { status = number }
    }
  }
}
