import Cequens
import Dialog360
import ErrorCatalog
import ErrorCatalogFoundation
import ErrorCatalogTesting
import Foundation
import GENIQ
import Testing
import WhatsApp
import Yeastar

@testable import ErrcatCommand

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What a new user reaches for first (issue 24): typed samples through resellers, `Data` bodies, reference
/// names as properties, sample answers with extra headers.
@Suite("New user's kit")
struct NewUserKitTests {
  @Test("A reseller's sample of a Meta code comes back as the reseller's own typed error")
  func resellerSamplesAreTyped() throws {
    var checked = 0
    for code in WhatsApp.Code.allCases where code.entry.outcome == .failure {
      let dialog = CatalogSamples.classify(Dialog360.Code.cloudAPI(code))
      let dialogError = try #require(dialog.first?.error, "\(code)")
      #expect(dialogError is Dialog360.Error, "\(code)")
      #expect((dialogError as? Dialog360.Error)?.code == .cloudAPI(code), "\(code)")
      let cequens = CatalogSamples.classify(Cequens.Code.cloudAPI(code))
      #expect(cequens.first?.error is Cequens.Error, "\(code)")
      checked += 1
    }
    #expect(checked > 100)
    // The WhatsApp module's own call still gives WhatsApp's type.
    #expect(CatalogSamples.classify(WhatsApp.Code.reEngagementMessage).first?.error is WhatsApp.Error)
  }

  @Test("Data bodies classify as their bytes do, for responses and webhooks")
  func dataOverloads() throws {
    let body = #"{"errcode":10004,"errmsg":"TOKEN EXPIRED"}"#
    let fromData = try #require(Yeastar.classify(status: 200, body: Data(body.utf8)).error)
    let fromBytes = try #require(Yeastar.classify(status: 200, body: Array(body.utf8)).error)
    #expect(fromData.code == fromBytes.code)
    #expect(fromData.code == .tokenExpired)
    let webhook = WhatsApp.Code.reEngagementMessage.entry.sample.body
    let events = Dialog360.classifyWebhook(body: Data(webhook.utf8))
    #expect(events.count == Dialog360.classifyWebhook(body: webhook).count)
    #expect(events.first?.error?.code == .cloudAPI(.reEngagementMessage))
  }

  @Test("Reference names are properties; messageIDs is every id a GENIQ send answer names")
  func referenceProperties() throws {
    let body = #"{"reference":"r-1","responseCode":"0","responseMessage":"Success","messageIds":["a1","b2","c3"]}"#
    let several = GENIQ.classify(status: 200, body: body).references
    #expect(several.messageIDs == ["a1", "b2", "c3"])
    let one = GENIQ.classify(
      status: 200, body: #"{"reference":"r-2","responseCode":"0","responseMessage":"Success","messageIds":["z9"]}"#
    ).references
    #expect(one.messageIDs == ["z9"])
    #expect(References.none.messageIDs.isEmpty)
    let report = GENIQ.classifyReport(body: "messageId=m-7&channel=sms&status=delivered").references
    #expect(report.channel == "sms")
    #expect(report.messageIDs == ["m-7"])
  }

  @Test("A sample answer can carry extra headers, which win over the sample's")
  func sampleWithHeaders() async throws {
    let transport = MockTransport([.sample(Yeastar.Code.tokenExpired, headers: ["X-Request-Id": "req-42"])])
    let (data, response) = try await transport.makeSession().data(from: URL(string: "https://pbx.example/api")!)
    let http = try #require(response as? HTTPURLResponse)
    #expect(http.value(forHTTPHeaderField: "X-Request-Id") == "req-42")
    #expect(Yeastar.classify(response, data: data).error?.code == .tokenExpired)
  }
}

@Suite("New user's kit: retry runs")
struct RetryRunValueTests {
  @Test("policy.run hands back the last attempt's value with its classification")
  func runReturnsValue() async throws {
    let answers = [
      #"{"errcode":10004,"errmsg":"TOKEN EXPIRED"}"#,
      #"{"errcode":0,"errmsg":"SUCCESS","data":[{"id":1}]}"#,
    ]
    var sent = 0
    var refreshed = 0
    let (outcome, body) = try await RetryPolicy.standard.run(
      clock: ImmediateClock(), reauthenticate: { refreshed += 1 },
      operation: {
        let body = answers[min(sent, answers.count - 1)]
        sent += 1
        return (Yeastar.classify(status: 200, body: body), body)
      })
    #expect(refreshed == 1)
    #expect(sent == 2)
    #expect(outcome.outcome == .success)
    #expect(body.contains(#""id":1"#))
    // A classification-only operation still picks the original run.
    let single = try await RetryPolicy.standard.run(clock: ImmediateClock()) {
      Yeastar.classify(status: 200, body: #"{"errcode":0,"errmsg":"SUCCESS"}"#)
    }
    #expect(single.outcome == .success)
  }
}

@Suite("New user's kit: mock transport")
struct MockTransportKitTests {
  static let url = URL(string: "https://pbx.example/openapi/v1.0/extension/list")!

  @Test("The closure form is given each request's index; the request log keeps what was sent")
  func requestIndex() async throws {
    let transport = MockTransport { _, index in
      index == 0
        ? .sample(Yeastar.Code.tokenExpired)
        : .response(status: 200, body: #"{"errcode":0,"errmsg":"SUCCESS","access_token":"t\#(index)"}"#)
    }
    let session = transport.makeSession()
    var bodies: [String] = []
    for _ in 0..<3 {
      let (data, _) = try await session.data(from: Self.url)
      bodies.append(String(decoding: data, as: UTF8.self))
    }
    #expect(Yeastar.classify(status: 200, body: bodies[0]).error?.code == .tokenExpired)
    #expect(bodies[1].contains("t1") && bodies[2].contains("t2"))
    #expect(transport.requests.count == 3)
    #expect(transport.requests.allSatisfy { $0.url == Self.url })
  }

  @Test("A repeating transport starts over after its last answer")
  func repeating() async throws {
    let transport = MockTransport(repeating: [
      .sample(Yeastar.Code.tokenExpired), .response(status: 200, body: #"{"errcode":0,"errmsg":"SUCCESS"}"#),
    ])
    let session = transport.makeSession()
    var codes: [Yeastar.Code?] = []
    for _ in 0..<5 {
      let (data, response) = try await session.data(from: Self.url)
      codes.append(Yeastar.classify(response, data: data).error?.code)
    }
    #expect(codes == [.tokenExpired, nil, .tokenExpired, nil, .tokenExpired])
  }
}

@Suite("New user's kit: success samples")
struct SuccessSampleTests {
  @Test("A Cloud API send answer is a success that keeps the message id and recipient, through WhatsApp and 360dialog")
  func sendAnswer() throws {
    let body = CatalogSamples.cloudAPISendAnswer(messageID: "wamid.ABC\"1", recipient: "573001234567")
    let whatsapp = WhatsApp.classify(status: 200, body: body)
    let dialog = Dialog360.classify(status: 200, body: body)
    for (outcome, references) in [(whatsapp.outcome, whatsapp.references), (dialog.outcome, dialog.references)] {
      #expect(outcome == .success)
      #expect(references.messageID == "wamid.ABC\"1")
      #expect(references.recipient == "573001234567")
    }
  }

  @Test(
    "Delivered and read statuses are successes, sent is pending (it can still fail), each with its progress and ids",
    arguments: CatalogSamples.CloudAPIStatus.allCases)
  func statusWebhooks(status: CatalogSamples.CloudAPIStatus) throws {
    let body = CatalogSamples.cloudAPIStatusWebhook(status, messageID: "wamid.m-\(status)", recipient: "16505550000")
    let events = Dialog360.classifyWebhook(body: body)
    #expect(events.count == 1)
    let event = try #require(events.first)
    let outcome: Outcome = status == .sent ? .pending : .success
    #expect(event.outcome == outcome)
    if status == .sent {
      // Nothing to resend and nothing to fix: the policy waits for the next status.
      #expect(event.error?.code == .cloudAPI(.messageSent))
      #expect(event.error?.retry == .notNeeded)
      #expect(RetryPolicy().decision(for: try #require(event.error), attempt: 1) == .stop(.notNeeded))
    }
    #expect(event.references.messageID == "wamid.m-\(status)")
    #expect(event.references.status == status.rawValue)
    #expect(event.references.recipient == "16505550000")
    let expected: MessageProgress = status == .read ? .read : status == .delivered ? .delivered : .sent
    #expect(event.progress == expected)
    #expect(WhatsApp.classifyWebhook(body: body).first?.outcome == outcome)
    #expect(Cequens.classifyWebhook(body: body).first?.outcome == outcome)
  }

  @Test("The send answer as a transport answer")
  func transportAnswer() async throws {
    let transport = MockTransport([.cloudAPISend(messageID: "wamid.t-1")])
    let (data, response) = try await transport.makeSession().data(
      from: URL(string: "https://waba.example/v1/messages")!)
    #expect(Dialog360.classify(response, data: data).references.messageID == "wamid.t-1")
  }

  @Test("A webhook sample served as an answer fails that request with a message, and the process goes on")
  func webhookSampleAsAnswer() async throws {
    let transport = MockTransport([.sample(Dialog360.Code.cloudAPI(.reEngagementMessage)), .cloudAPISend()])
    let session = transport.makeSession()
    let url = URL(string: "https://waba.example/v1/messages")!
    do {
      _ = try await session.data(from: url)
      Issue.record("a webhook sample was served as an HTTP answer")
    } catch let error as URLError {
      #expect(error.code == .cannotParseResponse)
      let text = error.localizedDescription
      #expect(text.contains("Dialog360.Code graph/reEngagementMessage") && text.contains("webhook sample"), "\(text)")
      #expect(text.contains("classifyWebhook(body:)"))
    }
    // The next answer is served as usual.
    let (data, response) = try await session.data(from: url)
    #expect(Dialog360.classify(response, data: data).outcome == .success)
  }
}

@Suite("New user's kit: samples with the ids a test chooses")
struct ChosenIDSampleTests {
  /// Checks every sample of `codes` that names a message id: with a chosen id (and recipient), it classifies
  /// to the same entry with those ids. Returns how many samples were checked.
  func check<Code: CatalogCode>(_ codes: [Code]) -> Int {
    var checked = 0
    for code in codes {
      guard let original = CatalogSamples.classify(code).first, original.references.messageID != nil else { continue }
      let chosenID = "wamid.chosen\"&=\(checked)"
      let recipient = "+44 7700 900\(checked)"
      let body = CatalogSamples.body(of: code, messageID: chosenID, recipient: recipient)
      func summary<Failure>(_ result: Classification<Failure>?) -> (References?, String?) {
        var entry = result?.error?.entry
        if case .success(let success)? = result { entry = success.entry }
        return (result?.references, entry.map { "\($0.provider)/\($0.table)/\($0.name)" })
      }
      let (references, entry): (References?, String?)
      switch code {
      case is GENIQ.Code: (references, entry) = summary(GENIQ.classifyReport(body: body))
      case is Dialog360.Code: (references, entry) = summary(Dialog360.classifyWebhook(body: body).first)
      case is Cequens.Code: (references, entry) = summary(Cequens.classifyWebhook(body: body).first)
      default: (references, entry) = summary(WhatsApp.classifyWebhook(body: body).first)
      }
      #expect(references?.messageID == chosenID, "\(code)")
      if original.references.recipient != nil {
        #expect(references?.recipient == recipient, "\(code)")
      }
      #expect(entry == original.entry.map { "\($0.provider)/\($0.table)/\($0.name)" }, "\(code)")
      checked += 1
    }
    return checked
  }

  @Test("Every webhook and report sample takes the message id and recipient a test chooses")
  func everyEventSample() {
    let whatsapp = check(WhatsApp.Code.allCases.filter { $0.entry.sample.kind == .webhook })
    let dialog = check(Dialog360.Code.allCases.filter { $0.entry.sample.kind == .webhook })
    let cequens = check(Cequens.Code.allCases.filter { $0.entry.sample.kind == .webhook })
    let geniq = check(GENIQ.Code.allCases.filter { $0.entry.sample.kind == .report })
    #expect(whatsapp > 10 && dialog > 20 && cequens > 20 && geniq > 20, "\(whatsapp) \(dialog) \(cequens) \(geniq)")
  }

  @Test("A window-closed failure matched to the second of two sent messages")
  func failureMatchesItsMessage() throws {
    let body = CatalogSamples.body(of: Dialog360.Code.cloudAPI(.reEngagementMessage), messageID: "wamid.m-2")
    let event = try #require(Dialog360.classifyWebhook(body: body).first)
    #expect(event.error?.code == .cloudAPI(.reEngagementMessage))
    #expect(event.references.messageID == "wamid.m-2")
  }

  @Test("GENIQ template answers classify from Data as from bytes")
  func templateResponseFromData() {
    for code in GENIQ.TemplateCode.allCases {
      let sample = code.entry.sample
      let fromData = GENIQ.classifyTemplateResponse(status: sample.status, body: Data(sample.body.utf8))
      let fromBytes = GENIQ.classifyTemplateResponse(status: sample.status, body: Array(sample.body.utf8))
      #expect(fromData == fromBytes, "\(code)")
      #expect(fromData.error?.code == .template(code) || fromData.outcome == .success, "\(code)")
    }
  }

  @Test("Cequens' success envelope with the request ids a test chooses")
  func cequensAnswer() async throws {
    let transport = MockTransport([.cequens(requestID: "r-7", clientRequestID: "order-7")])
    let (data, response) = try await transport.makeSession().data(from: URL(string: "https://cequens.example/x")!)
    let result = Cequens.classify(response, data: data)
    #expect(result.outcome == .success)
    #expect(result.references.requestID == "r-7")
    #expect(result.references.clientRequestID == "order-7")
  }

  @Test("Yeastar answers: a token with the value a test chooses, then a data answer")
  func yeastarAnswers() async throws {
    let transport = MockTransport([
      .yeastarToken(accessToken: "token-2"), .yeastar(members: #""total_number":1,"data":[{"id":7}]"#),
    ])
    let session = transport.makeSession()
    let url = URL(string: "https://pbx.example/openapi/v1.0/get_token")!
    let (tokenData, tokenResponse) = try await session.data(from: url)
    #expect(Yeastar.classify(tokenResponse, data: tokenData).outcome == .success)
    let token = try JSONSerialization.jsonObject(with: tokenData) as? [String: Any]
    #expect(token?["access_token"] as? String == "token-2")
    let (data, response) = try await session.data(from: url)
    #expect(Yeastar.classify(response, data: data).outcome == .success)
    let answer = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    #expect(answer?["total_number"] as? Int == 1)
  }
}

@Suite("New user's kit: sample ids")
struct SampleIDTests {
  @Test("No two samples share a message id, so a failure matches the one message it is about")
  func uniqueMessageIDs() {
    var owners: [String: String] = [:]
    for entry in CatalogSamples.allEntries {
      for outcome in CatalogSamples.classify(entry) {
        guard let id = outcome.references.messageID else { continue }
        let owner = "\(entry.provider.rawValue)/\(entry.table)/\(entry.name)"
        if let other = owners[id], other != owner {
          Issue.record("\(owner) and \(other) share message id \(id)")
        }
        owners[id] = owner
      }
    }
    #expect(owners.count > 30)
  }
}

@Suite("New user's kit: errcat identifiers")
struct ErrcatIdentifierTests {
  @Test("A hidden identifier is a stable digest of itself; a trace id is shown; a credential stays masked")
  func identifierDigests() {
    let wamid = "wamid.HBgLNTczMDAxMjM0NTY3FQIAERgSQTFCMkMzRDRFNUY2QTdCOEM5AA=="
    let digest = Redaction.redacted(wamid, name: "messageID")
    #expect(digest.hasPrefix("[id ") && digest.count == 13)
    #expect(!digest.contains("wamid"))
    #expect(Redaction.redacted(wamid, name: "message_id") == digest)  // the same id, the same digest
    #expect(Redaction.redacted(wamid + "x", name: "messageID") != digest)
    #expect(Redaction.redacted("AbCdEf123456", name: "fbtrace_id") == "AbCdEf123456")
    #expect(
      Redaction.redacted("9f86d081884c7d659a2feaa0c55ad015", name: "traceID") == "9f86d081884c7d659a2feaa0c55ad015")
    #expect(Redaction.redacted("EAAGm0PX4ZCpsBAKZCZ", name: "requestId") == Redaction.masked("EAAGm0PX4ZCpsBAKZCZ"))
    #expect(Redaction.redacted("spring-sale", name: "reference") == "spring-sale")  // nothing to hide
  }

  @Test("errcat prints a webhook's message ids as digests that match across lines and runs")
  func digestsInOutput() {
    let body = CatalogSamples.cloudAPIStatusWebhook(.delivered, messageID: "wamid.HBgLNTczMDAxMjM0NTY3FQIAERgSQTFCMkMz")
    let first = Errcat.run(arguments: ["classify", "whatsapp", "--kind", "webhook", "--body", body])
    let second = Errcat.run(arguments: ["classify", "whatsapp", "--kind", "webhook", "--body", body, "--json"])
    let digest = Redaction.digest("wamid.HBgLNTczMDAxMjM0NTY3FQIAERgSQTFCMkMz")
    #expect(first.standardOutput.contains(digest))
    #expect(second.standardOutput.contains(digest))
    #expect(!first.standardOutput.contains("HBgLNTcz"))
  }
}

@Suite("New user's kit: GENIQ reports")
struct GENIQReportKitTests {
  @Test("A report as Data classifies as its bytes do, and a report sample takes the ids a test chooses")
  func reportData() throws {
    let body = CatalogSamples.geniqReport(
      status: "undeliverable", reasonCode: 8, messageID: "m-42", recipient: "6591234567")
    let fromData = GENIQ.classifyReport(body: Data(body.utf8))
    let fromText = GENIQ.classifyReport(body: body)
    #expect(fromData.error?.entry == fromText.error?.entry)
    #expect(fromData.outcome == .failure)
    #expect(fromData.references.messageID == "m-42")
    #expect(fromData.references.recipient == "6591234567")
    let delivered = GENIQ.classifyReport(body: CatalogSamples.geniqReport(status: "delivered", messageID: "m-43"))
    #expect(delivered.outcome == .success)
    #expect(delivered.progress == .delivered)
    #expect(delivered.references.messageIDs == ["m-43"])
  }
}
