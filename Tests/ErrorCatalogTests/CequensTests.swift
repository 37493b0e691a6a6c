import Cequens
import ErrorCatalog
import Testing
import WhatsApp

@Suite("Cequens")
struct CequensTests {
  static func classify(_ sample: SampleResponse) -> [Cequens.Error] {
    switch sample.kind {
    case .webhook, .report: Cequens.classifyWebhook(body: sample.bodyBytes).errors()
    case .response:
      Cequens.classify(status: sample.status, headers: sample.headers, body: sample.body).error.map { [$0] } ?? []
    }
  }

  static let ownCodes = Cequens.Code.allCases.filter {
    if case .cloudAPI = $0 { return false }
    return true
  }

  @Test("Every catalog sample classifies back to its own code", arguments: ownCodes)
  func sampleClassifiesToItsCode(code: Cequens.Code) throws {
    let errors = Self.classify(code.sample)
    #expect(errors.count == 1)
    #expect(errors.first?.code == code)
  }

  @Test(
    "An HTTP 401 with an auth title is a Cequens auth error",
    arguments: [
      ("MISSING_TOKEN", Cequens.AuthCode.missingToken), ("INVALID_ACCESS_TOKEN", .invalidAccessToken),
      ("VALIDATION", .accountValidationFailed), ("TOKEN", .invalidToken),
    ])
  func authTitles(title: String, code: Cequens.AuthCode) throws {
    let inMessage = #"{"replyCode":1,"replyMessage":"\#(title)","requestId":"r1","data":null}"#
    let inDescription = #"{"replyCode":1,"error":{"status":401,"description":"\#(title)","internalErrors":[]}}"#
    let inInternal =
      #"{"error":{"status":401,"description":"Unauthorized","internalErrors":[{"code":"\#(title)","details":"x"}]}}"#
    for body in [inMessage, inDescription, inInternal, title] {
      let error = try #require(Cequens.classify(status: 401, body: body).error)
      #expect(error.code == .auth(code), "\(body)")
    }
  }

  @Test("WhatsApp code 401 inside an errors array is 'Group does not exist', not an auth error")
  func groupDoesNotExist() throws {
    let body = #"{"errors":[{"code":401,"title":"Group does not exist","details":"Group not found"}]}"#
    let error = try #require(Cequens.classify(status: 404, body: body).error)
    #expect(error.code == .whatsapp(.groupNotFound))
    #expect(error.category == .notFound)
  }

  @Test(
    "400, 429, 470 and 500 inside errors are WhatsApp codes, bare or wrapped", arguments: ["400", "429", "470", "500"])
  func whatsAppCodesAreNotStatuses(code: String) throws {
    let entry = try #require(Cequens.WhatsAppCode.table.match(code: code)).entry
    let item = #"{"code":\#(code),"title":"\#(entry.message)"}"#
    let bare = #"{"meta":{"api_status":"stable"},"errors":[\#(item)]}"#
    let wrapped = #"{"replyCode":2,"replyMessage":"failed","data":{"errors":[\#(item)]}}"#
    for body in [bare, wrapped] {
      let error = try #require(Cequens.classify(status: 200, body: body).error)
      #expect(error.entry == entry)
      #expect(error.entry?.table == "whatsapp")
    }
  }

  @Test("The first place with a non-empty errors list decides: the top level, then data, then error")
  func errorsListPlaces() throws {
    let group = #"{"code":401,"title":"Group does not exist"}"#
    let rate = #"{"code":429,"title":"Too many requests"}"#
    let cases: [(body: String, code: String?)] = [
      (#"{"error":{"errors":[\#(group)]}}"#, "401"),
      // An empty list is no list: `data`'s decides.
      (#"{"errors":[],"data":{"errors":[\#(group)]}}"#, "401"),
      // The top level comes before `data`, and `data` before `error`.
      (#"{"errors":[\#(rate)],"data":{"errors":[\#(group)]}}"#, "429"),
      (#"{"error":{"errors":[\#(rate)]},"data":{"errors":[\#(group)]}}"#, "401"),
      // Only the first item counts; keys are read as JSON lookups read them (case folded when not exact).
      (#"{"ERRORS":[\#(group),\#(rate)]}"#, "401"),
    ]
    for (body, code) in cases {
      let error = try #require(Cequens.classify(status: 400, body: body).error, "\(body)")
      #expect(error.entry?.table == "whatsapp", "\(body)")
      #expect(error.rawCode == code, "\(body)")
    }
    // A first element that is not an object holds no item: the list decides nothing.
    let notAnItem = try #require(Cequens.classify(status: 400, body: #"{"errors":["401"]}"#).error)
    #expect(notAnItem.entry == nil)
  }

  @Test(
    "Retry meanings hold",
    arguments: [
      ("1017", Retry.backoff), ("1018", .backoff), ("429", .backoff), ("1015", .backoff), ("1016", .backoff),
      ("470", .afterFix), ("2001", .afterFix),
    ])
  func retryMeanings(code: String, retry: Retry) throws {
    #expect(try #require(Cequens.WhatsAppCode.table.match(code: code)).entry.retry == retry)
  }

  @Test("The seed's remedies carry over: resend, use a template, re-register the certificate")
  func remediesCarryOver() throws {
    let template = try #require(Cequens.WhatsAppCode.table.match(code: "470")).entry.remedy.lowercased()
    #expect(template.contains("template"))
    for code in ["430", "432"] {
      let remedy = try #require(Cequens.WhatsAppCode.table.match(code: code)).entry.remedy.lowercased()
      #expect(remedy.contains("certificate") && remedy.contains("register"))
    }
    #expect(Cequens.WhatsAppCode.requiredParameterMissing.entry.isDeprecated == false)
    #expect(try #require(Cequens.WhatsAppCode.table.match(code: "1007")).entry.isDeprecated)
  }

  @Test("A Graph error passed through is recognized from Meta's catalog")
  func graphError() throws {
    let body =
      #"{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,"fbtrace_id":"F"}}"#
    let error = try #require(Cequens.classify(status: 400, body: body).error)
    #expect(error.code == .cloudAPI(.reEngagementMessage))
  }

  @Test("Webhooks: one error per failed status, delivered is not an error")
  func webhooks() throws {
    let body =
      #"{"statuses":[{"id":"m1","recipient_id":"201001234567","status":"failed","timestamp":"1","errors":[{"code":1026,"title":"Receiver Incapable"}]},{"id":"m2","recipient_id":"201001234567","status":"delivered","timestamp":"2"}]}"#
    let errors = Cequens.classifyWebhook(body: body).errors()
    #expect(errors.map(\.code) == [.whatsapp(.receiverIncapable)])
    #expect(errors.first?.retry == .never)
    #expect(errors.first?.parameters["recipient"] == "201001234567")
  }

  @Test("replyCode 0 is success; an unknown envelope error falls back to its status")
  func envelope() throws {
    #expect(
      Cequens.classify(status: 200, body: #"{"replyCode":0,"replyMessage":"Success","data":{"id":"1"}}"#).outcome
        == .success)
    let error = try #require(
      Cequens.classify(
        status: 200, body: #"{"replyCode":5,"replyMessage":"Boom","error":{"status":503,"description":"Down"}}"#
      )
      .error)
    #expect(!error.isRecognized)
    #expect(error.retry == .backoff)
  }

  @Test("A 400 mentioning VALIDATION is not an auth error")
  func validationOutsideAuth() throws {
    let body =
      #"{"replyCode":1,"error":{"status":400,"description":"VALIDATION","internalErrors":[{"code":"VALIDATION","details":"to is required"}]}}"#
    let error = try #require(Cequens.classify(status: 400, body: body).error)
    #expect(error.code == nil)
    #expect(error.category == .invalidRequest)
  }

  @Test(
    "Every row of the Cequens seed is in the catalog",
    .enabled(if: PackagePaths.seed("002_0298e8a2f3ecc665.txt") != nil, PackagePaths.seedsAbsent))
  func seedRowsArePresent() throws {
    let seed = try #require(PackagePaths.seed("002_0298e8a2f3ecc665.txt"))
    let lines = seed.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    var rows: [(code: String, message: String)] = []
    for (index, line) in lines.enumerated() where index + 1 < lines.count {
      // "1007 (Deprecated)" has a no-break space before the parenthesis.
      let code = String(line.prefix(while: \.isNumber))
      let rest = line.dropFirst(code.count)
      if !code.isEmpty, rest.isEmpty || rest.hasSuffix("(Deprecated)") { rows.append((code, lines[index + 1])) }
    }
    #expect(rows.count == PackagePaths.seedEntryCount(Cequens.tables, provider: .cequens))
    let entries = Cequens.tables.flatMap(\.entries)
    for row in rows {
      let found = entries.contains { entry in
        (entry.code == row.code && entry.message == row.message)
          || (entry.status.map(String.init) == row.code && entry.code == row.message)
      }
      #expect(found, "missing \(row.code) \(row.message)")
    }
  }
}
