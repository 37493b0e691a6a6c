import Dialog360
import ErrorCatalog
import Testing
import WhatsApp

@Suite("360dialog")
struct Dialog360Tests {
  static func classify(_ sample: SampleResponse) -> [Dialog360.Error] {
    switch sample.kind {
    case .webhook, .report: Dialog360.classifyWebhook(body: sample.bodyBytes).errors()
    case .response:
      Dialog360.classify(status: sample.status, headers: sample.headers, body: sample.body).error.map { [$0] } ?? []
    }
  }

  static let ownCodes = Dialog360.Code.allCases.filter {
    if case .cloudAPI = $0 { return false }
    return true
  }

  @Test("Every catalog sample classifies back to its own code", arguments: ownCodes)
  func sampleClassifiesToItsCode(code: Dialog360.Code) throws {
    let errors = Self.classify(code.sample)
    #expect(errors.count == 1)
    #expect(errors.first?.code == code)
  }

  @Test("Every Meta sample passed through 360dialog is recognized", arguments: WhatsApp.Code.allCases)
  func metaSamplesAreRecognized(code: WhatsApp.Code) throws {
    let errors = Self.classify(code.sample)
    #expect(errors.first?.code == .cloudAPI(code))
  }

  @Test("A 401 whose body says httpCode 404 is the invalid API key")
  func invalidKey() throws {
    let body = #"{"meta":{"success":false,"httpCode":404,"developerMessage":"Invalid api_key or token expired"}}"#
    let error = try #require(Dialog360.classify(status: 401, body: body).error)
    #expect(error.code == .api(.invalidAPIKey))
    #expect(error.category == .authentication)
    #expect(error.status == 401)
  }

  @Test("The HTTP 400s are told apart by their message")
  func badRequestsDiffer() throws {
    let limit = try #require(
      Dialog360.classify(
        status: 400,
        body:
          #"{"meta":{"success":false,"http_code":400,"developer_message":"You have exceeded the limit of 1 request every 5 seconds. Try again later."}}"#
      ).error)
    #expect(limit.code == .api(.rateLimitExceeded))
    #expect(limit.retry == .backoff)
    #expect(limit.parameters["seconds"] == "5")
    let disabled = try #require(
      Dialog360.classify(
        status: 400,
        body:
          #"{"meta":{"success":false,"httpCode":400,"developerMessage":"Your WhatsApp for Business API has been disabled. If you believe this is a mistake, please contact our support team."}}"#
      ).error)
    #expect(disabled.code == .api(.apiDisabled))
    #expect(disabled.retry == .afterFix)
    let payment = try #require(
      Dialog360.classify(
        status: 400, body: Dialog360.APICode.lackOfPayment.sample.body
      ).error)
    #expect(payment.category == .billing)
  }

  @Test("555 and 502 are transient", arguments: [555, 502])
  func transientGatewayErrors(status: Int) throws {
    let body = #"{"meta":{"success":false,"http_code":\#(status),"developer_message":"Internal server error"}}"#
    let error = try #require(Dialog360.classify(status: status, body: body).error)
    #expect(error.retry == .backoff)
    #expect(error.isRecognized)
  }

  @Test("Graph errors are recognized, also inside the Marketing Messages wrapper")
  func graphErrors() throws {
    let inner =
      #"{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,"error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},"fbtrace_id":"A1"}"#
    for body in [#"{"error":\#(inner)}"#, #"{"detail":{"error":\#(inner)}}"#] {
      let error = try #require(Dialog360.classify(status: 400, body: body).error)
      #expect(error.code == .cloudAPI(.reEngagementMessage))
      #expect(error.category == .conversationWindow)
      #expect(error.retry == .afterFix)
      #expect(error.parameters["traceID"] == "A1")
    }
  }

  @Test("An unknown Graph code keeps its code, message, details and trace id")
  func unknownGraphCode() throws {
    let body =
      #"{"error":{"message":"Something new","type":"OAuthException","code":424242,"error_data":{"details":"more"},"fbtrace_id":"TR"}}"#
    let error = try #require(Dialog360.classify(status: 400, body: body).error)
    #expect(error.code == nil)
    #expect(error.rawCode == "424242")
    #expect(error.rawMessage == "Something new")
    #expect(error.parameters["details"] == "more")
    #expect(error.parameters["traceID"] == "TR")
  }

  @Test("An nginx 503 page is a transient, unrecognized error with the page kept")
  func nginxPage() throws {
    let page = "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>nginx</body></html>"
    let error = try #require(Dialog360.classify(status: 503, body: page).error)
    #expect(!error.isRecognized)
    #expect(error.retry == .backoff)
    #expect(error.body.shape == .html)
    #expect(error.body.text == page)
  }

  @Test("Webhooks use the webhook table, not the API table")
  func webhookTable() throws {
    let body =
      #"{"statuses":[{"id":"gBGG","recipient_id":"4915112345678","status":"failed","timestamp":"1","type":"message","errors":[{"code":1016,"title":"System overloaded"}]}]}"#
    let errors = Dialog360.classifyWebhook(body: body).errors()
    #expect(errors.map(\.code) == [.webhook(.systemOverloaded)])
    #expect(errors.first?.parameters["messageID"] == "gBGG")
    #expect(errors.first?.parameters["recipient"] == "4915112345678")
  }

  @Test("Delivered and read statuses are not errors")
  func deliveredIsNotAnError() {
    let body =
      #"{"statuses":[{"id":"a","recipient_id":"1","status":"delivered","timestamp":"1"},{"id":"b","recipient_id":"1","status":"read","timestamp":"2"}]}"#
    #expect(Dialog360.classifyWebhook(body: body).errors().isEmpty)
  }

  @Test("A success answer is not an error")
  func success() {
    #expect(Dialog360.classify(status: 200, body: #"{"messages":[{"id":"wamid.X"}]}"#).outcome == .success)
    #expect(
      Dialog360.classify(
        status: 201, body: #"{"meta":{"api_status":"stable","version":"2.41.3"},"messages":[{"id":"gBGG"}]}"#
      ).outcome
        == .success)
  }

  @Test(
    "Every row of the 360dialog seed is in the catalog",
    .enabled(if: PackagePaths.seed("001_605d5d8680a46e96.txt") != nil, PackagePaths.seedsAbsent))
  func seedRowsArePresent() throws {
    let seed = try #require(PackagePaths.seed("001_605d5d8680a46e96.txt"))
    let lines = seed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var rows: [(code: String, message: String)] = []
    for (index, line) in lines.enumerated() where index + 1 < lines.count {
      if line.allSatisfy(\.isNumber), !line.isEmpty, !lines[index + 1].isEmpty {
        rows.append((line, lines[index + 1]))
      }
    }
    #expect(rows.count == PackagePaths.seedEntryCount(Dialog360.tables, provider: .dialog360))
    let entries = Dialog360.tables.flatMap(\.entries)
    for row in rows {
      #expect(
        entries.contains { $0.code == row.code && $0.message == row.message }, "missing \(row.code) \(row.message)")
    }
  }
}

@Suite("360dialog On-Premise errors")
struct Dialog360OnPremiseTests {
  @Test("An On-Premise 1005 'Access denied' is not the Hub's registration error unless the Hub's detail says so")
  func accessDeniedIsNotTheHubError() throws {
    let generic = #"{"errors":[{"code":1005,"title":"Access denied"}]}"#
    let error = try #require(Dialog360.classify(status: 403, body: generic).error)
    #expect(error.code == nil)
    #expect(error.rawCode == "1005")
    #expect(error.category == .permission)
    let hub = Dialog360.HubCode.bizLinkInfoInvalidPayload.sample
    let hubError = try #require(Dialog360.classify(status: hub.status, body: hub.body).error)
    #expect(hubError.code == .hub(.bizLinkInfoInvalidPayload))
  }
}
