import ErrorCatalog
import Foundation
import GENIQ
import Testing

@Suite("GENIQ")
struct GENIQTests {
  func failure(_ status: Int?, _ body: String, headers: [String: String] = [:]) -> GENIQ.Error? {
    GENIQ.classify(status: status, headers: headers, body: body).error
  }

  func reportFailure(_ body: String) -> GENIQ.Error? {
    GENIQ.classifyReport(body: body).error
  }

  func templateFailure(_ status: Int?, _ body: String) -> GENIQ.Error? {
    GENIQ.classifyTemplateResponse(status: status, body: body).error
  }

  /// A failed SMS report in the JSON form, with the given status and reason.
  func smsReport(status: String, reason: String?) -> String {
    let reasonMember = reason.map { #","reasonCode":"\#($0)""# } ?? ""
    return #"{"messageId":"43BC206B4610B25F41E7C3E050035473","channel":"sms","recipient":"6588880000","#
      + #""status":"\#(status)"\#(reasonMember),"messageTimestamp":"2026-03-01T10:15:00+08:00"}"#
  }

  @Test(
    "Every catalog sample classifies back to its own code, through its table's function", arguments: GENIQ.Code.allCases
  )
  func sampleClassifiesToItsCode(code: GENIQ.Code) throws {
    let sample = code.sample
    let result: Classification<GENIQ.Error>
    switch code {
    case .response:
      #expect(sample.kind == .response)
      result = GENIQ.classify(status: sample.status, headers: sample.headers, body: sample.body)
    case .reason, .status:
      #expect(sample.kind == .report)
      result = GENIQ.classifyReport(body: sample.body)
    case .template:
      #expect(sample.kind == .response)
      result = GENIQ.classifyTemplateResponse(status: sample.status, headers: sample.headers, body: sample.body)
    }
    #expect(result.outcome == code.entry.outcome)
    if case .success(let success) = result {
      // Success codes are not errors, and the success names the entry that said so. On a report the status
      // decides, so reason 0's delivered sample succeeds through the `delivered` entry.
      if case .reason = code {
        #expect(success.entry?.table == GENIQ.ReportStatus.table.id)
      } else {
        #expect(success.entry == code.entry)
      }
      return
    }
    let error = try #require(result.error)
    #expect(error.code == code)
    #expect(error.kind == sample.kind)
    #expect(error.status == sample.status)
  }

  @Test("Code 0 is success as a responseCode and a revoked token as a template code")
  func zeroDependsOnTheTable() throws {
    let body = #"{"reference":"tpl-0001","responseMessage":"Access token expired/revoked","responseCode":"0"}"#
    #expect(GENIQ.classify(status: 200, body: body).outcome == .success)
    let template = try #require(templateFailure(200, body))
    #expect(template.code == .template(.accessTokenRevoked))
    // The token is Meta's, held by GENIQ: the integration's own reauthentication cannot fix it (issue 22).
    #expect(template.retry == .afterFix)
    #expect(template.fault == .provider)
    #expect(template.category == .authentication)

    let bare = #"{"responseCode":0}"#
    #expect(GENIQ.classify(status: 200, body: bare).outcome == .success)
    #expect(templateFailure(200, bare)?.code == .template(.accessTokenRevoked))
  }

  @Test("A template call's documented 0 Success is success; any other 0 is not")
  func templateSuccessMessage() throws {
    let created = #"{"reference":"tpl-0100","responseMessage":"Success","responseCode":"0"}"#
    #expect(GENIQ.classifyTemplateResponse(status: 200, body: created).outcome == .success)
    let other = try #require(templateFailure(200, #"{"responseMessage":"Successful?","responseCode":"0"}"#))
    #expect(other.code == .template(.accessTokenRevoked))
  }

  @Test("Code 10 means a different error in each table")
  func tenDependsOnTheTable() throws {
    let api = try #require(
      failure(200, #"{"reference":"r1","responseMessage":"Could not route message","responseCode":"10"}"#))
    #expect(api.code == .response(.messageUnroutable))
    let report = try #require(reportFailure(smsReport(status: "undeliverable", reason: "10")))
    #expect(report.code == .reason(.smscCongestion))
    #expect(report.fault == .carrier)
    let template = try #require(templateFailure(200, #"{"reference":"t1","responseCode":"10"}"#))
    #expect(template.code == .template(.permissionDenied))
    // A message that names another table's entry does not move the code there.
    let misleading = try #require(failure(200, #"{"responseMessage":"SMSC Congestion","responseCode":"10"}"#))
    #expect(misleading.code == .response(.messageUnroutable))
  }

  @Test("A code only another table has stays unrecognized rather than borrowing that table's meaning")
  func noCodeIsBorrowed() throws {
    let api = try #require(failure(200, #"{"responseMessage":"Invalid WhatsApp Template","responseCode":"201"}"#))
    #expect(api.code == nil)
    #expect(api.rawCode == "201")
    // A reason the reason table lacks is not borrowed either: the status decides, the reason is kept.
    let report = try #require(reportFailure(smsReport(status: "undeliverable", reason: "15")))
    #expect(report.code == .status(.undeliverable))
    #expect(report.rawCode == "15")
    let template = try #require(
      templateFailure(
        200, #"{"responseMessage":"System error. Please contact us if problem persist","responseCode":"99"}"#))
    #expect(template.code == nil)
    #expect(template.entry == nil)
    #expect(template.rawCode == "99")
    // GENIQ's own template answers (create-template page) are in the template table too.
    let rejected = try #require(
      templateFailure(200, #"{"responseMessage":"WhatsApp Template rejected","responseCode":"311"}"#))
    #expect(rejected.code == .template(.templateRejected))
  }

  @Test("Throttling backs off; SMSC congestion in a delivery report is not resent automatically")
  func transientTroubleBacksOff() throws {
    let throttled = try #require(
      failure(
        200, #"{"reference":"r2","responseMessage":"Account maximum throttling rate is exceeded","responseCode":"5"}"#,
        headers: ["retry-after": "30"]))
    #expect(throttled.code == .response(.throttlingRateExceeded))
    #expect(throttled.retry == .backoff)
    #expect(throttled.category == .rateLimit)
    #expect(throttled.retryAfterSeconds == 30)
    // A report arrives after the gateway's own retries: no report reason is backoff (issue 22).
    let congested = try #require(reportFailure(smsReport(status: "undeliverable", reason: "10")))
    #expect(congested.code == .reason(.smscCongestion))
    #expect(congested.retry == .afterFix)
  }

  @Test("Credit and prepaid expiry need the account owner to act", arguments: ["6", "7"])
  func creditAndExpiryNeedAFix(code: String) throws {
    let error = try #require(failure(200, #"{"reference":"r3","responseCode":"\#(code)"}"#))
    #expect(error.retry == .afterFix)
    #expect(error.category == .billing)
    #expect(error.fault == .account)
    #expect(error.code == (code == "6" ? .response(.insufficientCredit) : .response(.prepaidAccountExpired)))
  }

  @Test("Barred and blocking recipients are never worth a retry; an unknown number must be corrected")
  func recipientRefusals() throws {
    let barred = try #require(reportFailure(smsReport(status: "undeliverable", reason: "6")))
    #expect(barred.code == .reason(.subscriberBarred))
    let blocked = try #require(
      failure(200, #"{"reference":"r4","responseMessage":"Subscriber has blocked this service","responseCode":15}"#))
    #expect(blocked.code == .response(.serviceBlockedBySubscriber))
    for error in [barred, blocked] {
      #expect(error.retry == .never, "\(error)")
      #expect(error.fault == .recipient, "\(error)")
    }
    let unknown = try #require(reportFailure(smsReport(status: "undeliverable", reason: "5")))
    #expect(unknown.code == .reason(.subscriberUnknown))
    #expect(unknown.retry == .afterFix)
    #expect(unknown.fault == .caller)
    #expect(unknown.situation == .recipientNumberInvalid)
  }

  @Test(
    "Query-string reports are read alone, after a ?, or inside a URL",
    arguments: ["", "?", "https://example.com/geniq/dlr?", "/dlr?"])
  func queryStringReport(prefix: String) throws {
    let query =
      "messageId=C180AD9F6C4EB5D7128394A5B6C7D8E9&channel=sms&recipient=6588880000&status=undeliverable"
      + "&reasonCode=8&messageTimestamp=2026-03-01T10%3A15%3A00%2B08%3A00&operatorTimestamp=2026-03-01+10%3A15"
    let error = try #require(reportFailure(prefix + query))
    #expect(error.code == .reason(.subscriberAbsent))
    #expect(error.kind == .report)
    #expect(error.status == nil)
    #expect(error.rawCode == "8")
    #expect(error.parameters["messageId"] == "C180AD9F6C4EB5D7128394A5B6C7D8E9")
    #expect(error.parameters["recipient"] == "6588880000")
    #expect(error.parameters["channel"] == "sms")
    #expect(error.parameters["status"] == "undeliverable")
    #expect(error.parameters["reasonCode"] == "8")
    #expect(error.parameters["messageTimestamp"] == "2026-03-01T10:15:00+08:00")
    #expect(error.parameters["operatorTimestamp"] == "2026-03-01 10:15")
    #expect(error.body.bytes == Array((prefix + query).utf8))
  }

  @Test("A ? inside a query value is data, a repeated key keeps its last value, a bad escape is kept")
  func queryStringEdgeCases() throws {
    let error = try #require(
      reportFailure("messageId=a?b&messageId=m%2F2&Status=FAILED&reasonCode=6&recipient=65%ZZ88\n"))
    #expect(error.code == .reason(.subscriberBarred))
    #expect(error.parameters["messageId"] == "m/2")
    #expect(error.parameters["status"] == "FAILED")
    #expect(error.parameters["recipient"] == "65%ZZ88")
    let question = try #require(reportFailure("messageId=a?b&status=undeliverable&reasonCode=5"))
    #expect(question.parameters["messageId"] == "a?b")
    #expect(question.code == .reason(.subscriberUnknown))
  }

  @Test("A delivered query-string report is success")
  func deliveredQueryStringReport() {
    let query = "messageId=43BC206B&channel=sms&recipient=6588880000&status=delivered&reasonCode=0"
    #expect(GENIQ.classifyReport(body: query).outcome == .success)
  }

  @Test("A failed WhatsApp callback with reason 201 is a template error")
  func whatsappTemplateFailure() throws {
    let body =
      #"{"messageId":"c7b2e0a4-1f3d-4a5b-9c8e-7d6f5e4a3b21","recipient":"6588880000","status":"failed","#
      + #""reasonCode":201,"channel":"whatsapp","messageTimestamp":"2026-03-01T10:15:00+08:00","#
      + #""providerTimestamp":"2026-03-01T10:15:02+08:00"}"#
    let error = try #require(reportFailure(body))
    #expect(error.code == .reason(.invalidWhatsAppTemplate))
    #expect(error.category == .template)
    #expect(error.retry == .afterFix)
    #expect(error.kind == .report)
    #expect(error.parameters["channel"] == "whatsapp")
    #expect(error.parameters["providerTimestamp"] == "2026-03-01T10:15:02+08:00")
    #expect(error.parameters["messageId"] == "c7b2e0a4-1f3d-4a5b-9c8e-7d6f5e4a3b21")
  }

  @Test("Delivered and read are final successes", arguments: ["delivered", "read", "DELIVERED"])
  func finalSuccess(status: String) {
    #expect(GENIQ.classifyReport(body: smsReport(status: status, reason: "0")).outcome == .success)
    #expect(GENIQ.classifyReport(body: smsReport(status: status, reason: nil)).outcome == .success)
  }

  @Test(
    "Processed and sent are pending, with nothing to do and the report's fields kept", arguments: ["processed", "sent"])
  func underWayIsPending(status: String) throws {
    let result = GENIQ.classifyReport(body: smsReport(status: status, reason: "0"))
    #expect(result.outcome == .pending)
    let error = try #require(result.error)
    #expect(error.entry?.table == GENIQ.ReportStatus.table.id)
    #expect(error.entry?.code == status)
    #expect(error.entry?.outcome == .pending)
    #expect(error.retry == .notNeeded)
    #expect(error.parameters["messageId"] == "43BC206B4610B25F41E7C3E050035473")
    #expect(error.parameters["status"] == status)
  }

  @Test(
    "A failed report without a reason is classified from its status entry, its fields kept",
    arguments: [
      ("failed", "0"), ("exceeded_retry", nil), ("undeliverable", "0"), ("rejected", nil), ("unknown", "0"),
      ("deleted", nil),
    ] as [(String, String?)])
  func failureWithoutReason(status: String, reason: String?) throws {
    let result = GENIQ.classifyReport(body: smsReport(status: status, reason: reason))
    #expect(result.outcome == .failure)
    let error = try #require(result.error)
    #expect(error.entry?.table == GENIQ.ReportStatus.table.id)
    #expect(error.entry?.code == status)
    #expect(error.category == .unknown)
    #expect(error.fault == .unknown)
    #expect(error.retry == .afterFix)
    #expect(error.kind == .report)
    #expect(error.status == nil)
    #expect(error.rawCode == reason)
    #expect(error.parameters["status"] == status)
    #expect(error.parameters["recipient"] == "6588880000")
  }

  @Test(
    "An expired report without a reason is not resent automatically: the network already retried for the validity period",
    arguments: ["0", nil] as [String?])
  func expiredWithoutReason(reason: String?) throws {
    let result = GENIQ.classifyReport(body: smsReport(status: "expired", reason: reason))
    #expect(result.outcome == .failure)
    let error = try #require(result.error)
    #expect(error.code == .status(.expired))
    #expect(error.category == .recipient)
    #expect(error.retry == .never)
    #expect(error.fault == .recipient)
    #expect(error.situation == .messageExpired)
    #expect(error.parameters["status"] == "expired")
    let withReason = try #require(reportFailure(smsReport(status: "expired", reason: "6")))
    #expect(withReason.code == .reason(.subscriberBarred))
    #expect(withReason.retry == .never)
  }

  @Test("Without a status the reason decides; an unknown status is not taken for success")
  func reportsWithoutAKnownStatus() throws {
    #expect(GENIQ.classifyReport(body: #"{"messageId":"m1","reasonCode":"0"}"#).outcome == .success)
    let reasoned = try #require(reportFailure(#"{"messageId":"m1","reasonCode":"13"}"#))
    #expect(reasoned.code == .reason(.handsetMemoryExceeded))
    let strange = try #require(reportFailure(#"{"messageId":"m1","status":"queued_somewhere","reasonCode":"0"}"#))
    #expect(!strange.isRecognized)
    #expect(strange.parameters["status"] == "queued_somewhere")
    let strangeWithReason = try #require(reportFailure(#"{"messageId":"m1","status":"bounced","reasonCode":"9"}"#))
    #expect(strangeWithReason.code == .reason(.smscFailure))
  }

  @Test("The body's responseCode decides whatever the HTTP status, and the envelope is kept")
  func bodyCodeAndParameters() throws {
    let error = try #require(
      failure(
        400,
        #"{"reference":"ref-77","responseMessage":"Invalid recipient address","responseCode":11,"messageIds":["a1","b2"]}"#
      ))
    #expect(error.code == .response(.invalidRecipient))
    #expect(error.status == 400)
    #expect(error.rawCode == "11")
    #expect(error.rawMessage == "Invalid recipient address")
    #expect(error.parameters["reference"] == "ref-77")
    #expect(error.parameters["messageIds"] == "a1,b2")
    #expect(error.parameters["responseMessage"] == "Invalid recipient address")
    #expect(
      GENIQ.classify(status: 500, body: #"{"reference":"ref-78","responseMessage":"Success","responseCode":"0"}"#)
        .outcome
        == .success)
    #expect(failure(503, #"{"responseCode":"6"}"#)?.code == .response(.insufficientCredit))
  }

  @Test("An unknown responseCode is unrecognized, keeps what it carried and falls back on the status")
  func unknownResponseCode() throws {
    let body = #"{"reference":"ref-9","responseMessage":"Brand new failure","responseCode":"777"}"#
    let error = try #require(failure(429, body))
    #expect(error.code == nil)
    #expect(error.rawCode == "777")
    #expect(error.rawMessage == "Brand new failure")
    #expect(error.parameters["reference"] == "ref-9")
    #expect(error.category == .rateLimit)
    #expect(error.retry == .backoff)
    #expect(error.body.bytes == Array(body.utf8))
  }

  @Test(
    "Unrecognized API answers keep their data and are classified from the status",
    arguments: [
      (503, "<html><title>503 Service Temporarily Unavailable</title></html>", ErrorCategory.provider, Retry.backoff),
      (429, "", ErrorCategory.rateLimit, Retry.backoff),
      (500, #"{"responseCode":"#, ErrorCategory.provider, Retry.backoff),
      (401, "not json at all", ErrorCategory.authentication, Retry.afterReauth),
      (200, "OK", ErrorCategory.unknown, Retry.afterFix),
      (200, "", ErrorCategory.unknown, Retry.afterFix),
      (200, #"{"reference":"r5","messageIds":["a1"]}"#, ErrorCategory.unknown, Retry.afterFix),
    ])
  func unrecognizedAnswers(status: Int, body: String, category: ErrorCategory, retry: Retry) throws {
    let result = GENIQ.classify(status: status, body: body)
    #expect(result.outcome == .failure)
    let error = try #require(result.error)
    #expect(error.code == nil)
    #expect(!error.isRecognized)
    #expect(error.category == category)
    #expect(error.retry == retry)
    #expect(error.status == status)
    #expect(error.body.bytes == Array(body.utf8))
  }

  @Test("A binary body with HTTP 200 is not success")
  func binaryIsNotSuccess() throws {
    let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0xFE, 0x7B]
    let result = GENIQ.classify(status: 200, body: bytes)
    let error = try #require(result.error)
    #expect(!error.isRecognized)
    #expect(error.category == .unknown)
    #expect(error.body.bytes == bytes)
    #expect(error.body.shape == .binary)
  }

  @Test(
    "Bodies that are not reports give unrecognized report errors with the body kept",
    arguments: [
      "<html><title>502 Bad Gateway</title></html>", "", "{\"messageId\":\"m1\",\"status\":", "{}",
      "just text", "[{\"status\":\"failed\",\"reasonCode\":\"6\"}]",
    ])
  func unrecognizedReports(body: String) throws {
    let result = GENIQ.classifyReport(body: body)
    #expect(result.outcome == .failure)
    let error = try #require(result.error)
    #expect(!error.isRecognized)
    #expect(error.kind == .report)
    #expect(error.status == nil)
    #expect(error.category == .unknown)
    #expect(error.body.bytes == Array(body.utf8))
  }

  @Test("A binary report is unrecognized and kept")
  func binaryReport() throws {
    let bytes: [UInt8] = [0x00, 0x01, 0xFF, 0x3D, 0x26, 0x80]
    let error = try #require(GENIQ.classifyReport(body: bytes).error)
    #expect(!error.isRecognized)
    #expect(error.body.bytes == bytes)
  }

  @Test(
    "Template calls succeed only on answers that cannot be errors",
    arguments: [
      (200, #"{"data":[{"name":"order_update","status":"APPROVED"}]}"#),
      (201, #"{"id":"1234567890","status":"PENDING"}"#),
      (200, "[]"),
      (204, ""),
    ])
  func templateSuccess(status: Int, body: String) {
    #expect(GENIQ.classifyTemplateResponse(status: status, body: body).outcome == .success)
  }

  @Test(
    "Template answers that say nothing usable are unrecognized and classified from the status",
    arguments: [
      (200, "", ErrorCategory.unknown),
      (200, "<html>maintenance</html>", ErrorCategory.unknown),
      (200, #"{"responseMessage":"Something went wrong"}"#, ErrorCategory.unknown),
      (200, #"{"error":"unexpected"}"#, ErrorCategory.unknown),
      (503, "<html><title>503 Service Temporarily Unavailable</title></html>", ErrorCategory.provider),
      (400, #"{"responseCode":"999999","responseMessage":"New Meta code"}"#, ErrorCategory.invalidRequest),
    ])
  func templateUnrecognized(status: Int, body: String, category: ErrorCategory) throws {
    let result = GENIQ.classifyTemplateResponse(status: status, body: body)
    #expect(result.outcome == .failure)
    let error = try #require(result.error)
    #expect(!error.isRecognized)
    #expect(error.category == category)
    #expect(error.status == status)
    #expect(error.body.bytes == Array(body.utf8))
  }

  @Test("A Graph-style error in a template answer is read from the template table")
  func templateGraphError() throws {
    let body =
      #"{"error":{"message":"(#132001) Template name does not exist in the translation","type":"OAuthException","#
      + #""code":132001,"fbtrace_id":"AbCdEf"}}"#
    let error = try #require(templateFailure(404, body))
    #expect(error.code == .template(.templateNotFound))
    #expect(error.category == .template)
    #expect(error.rawCode == "132001")
  }

  @Test("An error's description never contains the body, the recipient or the raw message")
  func descriptionHidesBody() throws {
    let secret = "geniq-token-5f2b9c1e8d7a6f3b"
    let errors = [
      failure(200, #"{"reference":"\#(secret)","responseMessage":"Invalid Token \#(secret)","responseCode":"20"}"#),
      failure(200, #"{"responseCode":"\#(secret)","responseMessage":"\#(secret)"}"#),
      failure(502, "<html>\(secret)</html>"),
      reportFailure(
        smsReport(status: "undeliverable", reason: "6").replacingOccurrences(of: "6588880000", with: secret)),
      reportFailure("messageId=1&recipient=\(secret)&status=failed"),
      templateFailure(200, #"{"responseMessage":"\#(secret)","responseCode":"190"}"#),
    ]
    for case let error? in errors {
      #expect(!error.description.contains(secret))
      #expect(!String(describing: error).contains(secret))
      #expect(!(error.errorDescription ?? "").contains(secret))
    }
    #expect(errors.allSatisfy { $0 != nil })
  }

  @Test("A failed report's reason comes back as the reason table's typed code, not the status's")
  func reasonIsTheTypedCode() throws {
    let body = "messageId=m9&channel=sms&recipient=6588880000&status=undeliverable&reasonCode=6"
    guard case .failure(let error) = GENIQ.classifyReport(body: body) else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.code == .reason(.subscriberBarred))
  }

  @Test("Lookups are scoped to a table; an unscoped lookup finds each table's entry")
  func lookupIsScoped() throws {
    let template = try #require(GENIQ.TemplateCode.table.lookup("132001").first)
    #expect(GENIQ.Code(entry: template.entry) == .template(.templateNotFound))
    #expect(GENIQ.ResponseCode.table.lookup("132001").isEmpty)
    #expect(GENIQ.ResponseCode.table.lookup("SMSC Congestion").isEmpty)
    #expect(GENIQ.ReasonCode.table.lookup("smsc congestion.").map(\.entry.code) == ["10"])
    let everywhere = GENIQ.lookup("10").compactMap { GENIQ.Code(entry: $0.entry) }
    #expect(everywhere == [.response(.messageUnroutable), .reason(.smscCongestion), .template(.permissionDenied)])
    let limit = try #require(GENIQ.TemplateCode.table.lookup("Message length exceeds 1024 characters").first)
    #expect(limit.parameters["maxLength"] == "1024")
  }

  @Test(
    "Every row of the GENIQ seed is in its table, verbatim",
    .enabled(if: PackagePaths.seed("004_69d3b2748d8324c5.txt") != nil, PackagePaths.seedsAbsent))
  func seedRowsArePresent() throws {
    let seed = try #require(PackagePaths.seed("004_69d3b2748d8324c5.txt"))
    let lines = seed.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    let headers = ["responseCodeDescription", "reasonCodeDescription", "responseCodeDescription"]
    let tables = [GENIQ.ResponseCode.table, GENIQ.ReasonCode.table, GENIQ.TemplateCode.table]
    var start = 0
    for (index, header) in headers.enumerated() {
      let headerLine = try #require(lines[start...].firstIndex(of: header), "missing section \(header)")
      var rows: [(code: String, message: String)] = []
      var line = headerLine + 1
      while line < lines.count, let digitsEnd = lines[line].firstIndex(where: { !$0.isNumber }),
        digitsEnd > lines[line].startIndex
      {
        rows.append((String(lines[line][..<digitsEnd]), String(lines[line][digitsEnd...])))
        line += 1
      }
      let fromSeed = tables[index].entries.filter { $0.source.document != nil }.count
      #expect(rows.count == fromSeed, "\(tables[index].id)")
      for row in rows {
        let found = tables[index].entries.contains { $0.code == row.code && $0.message == row.message }
        #expect(found, "missing \(tables[index].id) row: \(row.code) \(row.message)")
      }
      start = line
    }
  }

  @Test(
    "A report's query string is split byte by byte, at & and every line break, in ASCII and beyond",
    arguments: ["&", "\n", "\r\n", "\u{0B}", "\u{85}", "\u{2028}", "\u{2029}"])
  func querySeparators(separator: String) throws {
    // One reader for both paths: an ASCII query and one with a non-ASCII recipient read the same pairs.
    for recipient in ["6588880000", "%2B65%208888%C2%A00000", "José"] {
      let query = ["messageId=abc-1", "recipient=\(recipient)", "status=failed", "reasonCode=3"]
        .joined(separator: separator)
      let classified = GENIQ.classifyReport(body: query)
      let error = try #require(classified.error, "\(query.debugDescription)")
      #expect(error.rawCode == "3", "\(query.debugDescription)")
      #expect(error.references.messageID == "abc-1", "\(query.debugDescription)")
      #expect(error.parameters["status"] == "failed", "\(query.debugDescription)")
    }
  }

  @Test("A combining mark after & does not join two pairs (a server splits at the byte)")
  func combiningMarkAfterSeparator() throws {
    // As characters, "&\u{301}" is one grapheme, not "&": the status read "failed&\u{301}x=1", a word no table knows.
    let error = try #require(GENIQ.classifyReport(body: "reasonCode=3&status=failed&\u{301}x=1").error)
    #expect(error.rawCode == "3")
    #expect(error.parameters["status"] == "failed")
    #expect(error.entry?.table == "reason")
    // The same for a zero-width joiner after &.
    let joined = try #require(GENIQ.classifyReport(body: "reasonCode=3&status=failed&\u{200D}x=1").error)
    #expect(joined.parameters["status"] == "failed")
  }

  @Test("A code with white space inside is no code: \"0 0\" is not success, \"1 0\" is not 10")
  func spaceInsideACode() throws {
    // Found by fuzzing: white space was dropped everywhere in a code, so `"0 0"` read as `0`, SUCCESS, and a
    // program would take the message as sent. Only the white space around a code goes.
    let spaced = GENIQ.classify(
      status: 200, body: #"{"reference":"r-1","responseMessage":"x","responseCode":"0 0"}"#)
    let error = try #require(spaced.error)
    #expect(!error.isRecognized)
    #expect(error.rawCode == "0 0")
    let ten = try #require(GENIQ.classify(status: 200, body: #"{"responseCode":"1 0"}"#).error)
    #expect(!ten.isRecognized)
    // Around the code, white space still goes.
    #expect(GENIQ.classify(status: 200, body: #"{"responseCode":" 0 "}"#).error == nil)
    #expect(
      try #require(GENIQ.classify(status: 200, body: #"{"responseCode":" 1 "}"#).error).code
        == .response(.invalidCredentials))
  }
}
