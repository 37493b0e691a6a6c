public import ErrorCatalog
import WhatsApp

extension Cequens: ResponseClassifier, WebhookClassifier {
  /// Classifies one Cequens API answer.
  ///
  /// The documentation is thin, so many shapes are accepted. In order: an authentication title or message
  /// anywhere in the envelope (`replyMessage`, `error.description`, `internalErrors[].code`/`details`, or a
  /// plain-text body) is a Cequens auth error; an `errors` array (bare, or under `data` or `error`) holds
  /// WhatsApp codes; a Graph `error` object is looked up in Meta's catalog; `replyCode` 0 is success.
  /// Anything else is unrecognized and classified from `error.status` or the HTTP status.
  public static func classify(
    status: Int?, headers: [String: String], body: ResponseBody, now: WallClockTime
  ) -> Classification<Error> {
    let seconds = now.secondsSince1970
    // One validation of the body gives its tree (for the envelope), the answer's identifiers and the items.
    let answer = WhatsApp.itemShape.resellerAnswer(
      in: body, answer: WhatsApp.answerShape, holders: EnvelopeNames.listHolders)
    let envelope = Envelope(json: answer.tree, body: body)
    let references = envelope.references.merging(
      WhatsApp.responseReferences(answer: answer.references, headers: headers))
    func failure(_ match: CatalogMatch?, code: String?, message: String?) -> Classification<Error> {
      Classification(
        Error.Details(
          provider: .cequens, match: match, status: status, headers: headers, rawCode: code, rawMessage: message,
          parameters: envelope.parameters, references: references, body: body,
          fallbackStatus: envelope.errorStatus ?? status, now: seconds))
    }
    let success = ProviderSuccess(provider: .cequens, kind: .response, status: status, references: references)
    // A bare title like `VALIDATION` counts only on a 401 (or when no status is known); the full auth
    // messages are specific enough on their own.
    let unauthorized = [status, envelope.errorStatus].contains(401) || (status == nil && envelope.errorStatus == nil)
    for text in envelope.authCandidates {
      let byTitle = unauthorized ? AuthCode.table.match(code: text) : nil
      if let match = byTitle ?? AuthCode.table.match(message: text) {
        return failure(match, code: match.entry.code, message: text)
      }
    }
    if let item = answer.listedItem {
      // On-Premise codes: the WhatsApp table Cequens documents.
      let error: Error.Details = item.error(
        provider: .cequens, kind: .response, match: item.code.flatMap { _ in item.match(in: WhatsAppCode.table) },
        status: status, headers: headers, extraParameters: envelope.parameters, references: references, body: body,
        now: seconds)
      return Classification(error)
    }
    if let item = answer.graphItem {
      let error: Error.Details = item.error(
        provider: .cequens, kind: .response, match: item.match(in: WhatsApp.Code.table), status: status,
        headers: headers, references: references, body: body, now: seconds)
      return Classification(error)
    }
    for code in envelope.internalCodes where code != envelope.errorStatus.map(String.init) {
      if let match = WhatsAppCode.table.match(code: code) { return failure(match, code: code, message: nil) }
    }
    if let replyCode = envelope.replyCode {
      // `replyCode` 0 is the envelope's own success flag, as HTTP 2xx is elsewhere.
      if CodeText.same(replyCode, "0") && envelope.errorStatus == nil { return .success(success) }
      return failure(nil, code: replyCode, message: envelope.replyMessage)
    }
    if envelope.errorStatus != nil { return failure(nil, code: nil, message: envelope.errorDescription) }
    if body.isPlainSuccess(status: status) { return .success(success) }
    return failure(nil, code: nil, message: nil)
  }

  /// Classifies a webhook: one classification per status or error it reports, with the message id and
  /// recipient in its references. On-Premise webhooks use the WhatsApp table; Cloud API webhooks use Meta's
  /// catalog first. Delivered and read statuses are successes; sent is pending (`.cloudAPI(.messageSent)`), since a sent
  /// message can still fail.
  public static func classifyWebhook(body: [UInt8]) -> [Classification<Error>] {
    WhatsApp.webhookClassifications(in: ResponseBody(body), provider: .cequens, ownTable: WhatsAppCode.table)
  }

  /// What the Cequens envelope (or a bare body) says.
  ///
  /// Its member names and identifiers are the catalog's `envelope` (`EnvelopeNames`, `envelopeFields`); its
  /// rules stay here: Cequens documents no envelope (these shapes are the ones its answers were seen to
  /// take), and its rules mix members across levels (auth text in any of five places, a bare title only on
  /// a 401, internal codes beside the error's status), which a list of names cannot say. Meta's error items
  /// inside it are read by the core from whatsapp.json's `items`.
  struct Envelope {
    var replyCode: String?
    var replyMessage: String?
    var errorStatus: Int?
    var errorDescription: String?
    var internalCodes: [String] = []
    var authCandidates: [String] = []
    var parameters: [String: String] = [:]
    var references = References.none

    init(json: JSONValue?, body: ResponseBody) {
      guard let json, json.isObject else {
        // A short plain-text answer may be just the auth title.
        if !body.isBlank && body.totalCount <= 1024 && json == nil { authCandidates = [body.text] }
        return
      }
      let names = Cequens.EnvelopeNames.self
      replyCode = json.member(names.replyCode)?.scalarText
      replyMessage = json.member(names.replyMessage)?.messageText
      Cequens.envelopeFields.parameters(in: json, into: &parameters)
      references = Cequens.envelopeFields.references(in: json)
      parameters["replyMessage"] = replyMessage
      let error = json.member(names.error)
      // An error object with a code and no status is a Graph error, read by the core.
      if let error, error.isObject, error.member(names.errorCode) == nil || error.member(names.errorStatus) != nil {
        errorStatus = error.member(names.errorStatus)?.intValue
        errorDescription = error.member(names.errorDescription)?.messageText
        for item in error.member(names.internalErrors)?.arrayValue ?? [] {
          if let code = item.member(names.internalCode)?.scalarText {
            internalCodes.append(code)
            authCandidates.append(code)
          }
          if let details = item.member(names.internalDetails)?.messageText { authCandidates.append(details) }
        }
      } else if case .string(let text)? = error {
        errorDescription = text
      }
      parameters["description"] = errorDescription
      authCandidates = [replyMessage, errorDescription].compactMap { $0 } + authCandidates
      for member in names.authTexts {
        if let text = json.member(member)?.messageText { authCandidates.append(text) }
      }
      if case .string(let code)? = json.member(names.bareCode) { authCandidates.append(code) }
    }
  }
}
