import Cequens
import Dialog360
import ErrcatCommand
import ErrorCatalog
import Foundation
import GENIQ
import Testing
import WhatsApp
import Wolkvox
import Yeastar

/// Successful answers of every kind, with the identifiers each must keep.
struct SuccessCase: CustomStringConvertible, Sendable {
  var description: String
  var arguments: [String]
  var body: String
  var references: [String: String]
  var classify: @Sendable () -> (outcome: Outcome, references: References, entry: CatalogEntry?)

  static func response<E>(
    _ name: String, _ arguments: [String], body: String, references: [String: String],
    _ classify: @escaping @Sendable (String) -> Classification<E>
  ) -> SuccessCase {
    SuccessCase(description: name, arguments: arguments, body: body, references: references) {
      let result = classify(body)
      guard case .success(let success) = result else { return (result.outcome, result.references, nil) }
      return (result.outcome, result.references, success.entry)
    }
  }

  static func webhook<E>(
    _ name: String, _ arguments: [String], body: String, references: [String: String],
    _ classify: @escaping @Sendable (String) -> [Classification<E>]
  ) -> SuccessCase {
    SuccessCase(description: name, arguments: arguments, body: body, references: references) {
      let events = classify(body)
      let outcome: Outcome = events.count == 1 ? events[0].outcome : .failure
      return (outcome, events.first?.references ?? .none, nil)
    }
  }

  static let delivered =
    #"{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"statuses":[{"id":"wamid.HBgLMTU1NTAwMDAwMDAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA","status":"delivered","timestamp":"1750263773","recipient_id":"15550000000","conversation":{"id":"6ceb9d929c0ab7d2b2c3b58a19b0eb4a"}}]},"field":"messages"}]}]}"#
  static let deliveredReferences = [
    "messageID": "wamid.HBgLMTU1NTAwMDAwMDAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", "recipient": "15550000000",
    "status": "delivered", "timestamp": "1750263773",
  ]
  static let sent =
    #"{"messaging_product":"whatsapp","contacts":[{"input":"+1 555 000 0000","wa_id":"15550000000"}],"messages":[{"id":"wamid.SENT1"}]}"#

  static let all: [SuccessCase] = [
    .response(
      "Wolkvox answer with a record id", ["wolkvox", "--status", "200"],
      body: #"{"code":"200","error":null,"msg":"Record created","data":{"_id":"64f1c2"}}"#, references: ["id": "64f1c2"]
    ) { Wolkvox.classify(status: 200, body: $0) },
    .response(
      "360dialog send answer", ["360dialog", "--status", "200"], body: sent,
      references: ["messageID": "wamid.SENT1", "recipient": "15550000000"]
    ) { Dialog360.classify(status: 200, body: $0) },
    .webhook(
      "360dialog delivered webhook", ["360dialog", "--kind", "webhook"], body: delivered,
      references: deliveredReferences
    ) {
      Dialog360.classifyWebhook(body: $0)
    },
    .response(
      "Cequens answer", ["cequens", "--status", "200"],
      body: #"{"replyCode":0,"replyMessage":"Success","requestId":"req-77","clientRequestId":"c-1","data":{}}"#,
      references: ["requestID": "req-77", "clientRequestID": "c-1"]
    ) { Cequens.classify(status: 200, body: $0) },
    .webhook(
      "Cequens delivered webhook", ["cequens", "--kind", "webhook"], body: delivered, references: deliveredReferences
    ) {
      Cequens.classifyWebhook(body: $0)
    },
    .response(
      "Yeastar call answer", ["yeastar", "--status", "200"],
      body: #"{"errcode":0,"errmsg":"SUCCESS","call_id":"1627547243.88"}"#, references: ["callID": "1627547243.88"]
    ) { Yeastar.classify(status: 200, body: $0) },
    .response(
      "GENIQ send answer", ["geniq", "--status", "200"],
      body: #"{"reference":"ref-1","responseMessage":"Success","responseCode":"0","messageIds":["m-1","m-2"]}"#,
      references: ["requestID": "ref-1", "messageID": "m-1", "messageIDs": "m-1,m-2"]
    ) { GENIQ.classify(status: 200, body: $0) },
    .response(
      "GENIQ delivered report", ["geniq", "--kind", "report"],
      body:
        #"{"messageId":"0c5b63cf","recipient":"6588880000","status":"delivered","reasonCode":"0","channel":"whatsapp","messageTimestamp":"2025-02-20T15:23:56+08:00"}"#,
      references: [
        "messageID": "0c5b63cf", "recipient": "6588880000", "status": "delivered", "channel": "whatsapp",
        "timestamp": "2025-02-20T15:23:56+08:00",
      ]
    ) { GENIQ.classifyReport(body: $0) },
    .response(
      "WhatsApp send answer", ["whatsapp", "--status", "200"], body: sent,
      references: ["messageID": "wamid.SENT1", "recipient": "15550000000"]
    ) { WhatsApp.classify(status: 200, body: $0) },
    .webhook(
      "WhatsApp delivered webhook", ["whatsapp", "--kind", "webhook"], body: delivered, references: deliveredReferences
    ) {
      WhatsApp.classifyWebhook(body: $0)
    },
  ]
}

@Suite("Nothing lost on success")
struct ReferencesTests {
  @Test("Every provider's successful answer keeps its identifiers", arguments: SuccessCase.all)
  func successKeepsReferences(success: SuccessCase) {
    let (outcome, references, _) = success.classify()
    #expect(outcome == .success)
    for (name, value) in success.references { #expect(references[name] == value, "\(name)") }
  }

  @Test("errcat classify --json has a top-level references object on every success", arguments: SuccessCase.all)
  func errcatPrintsReferences(success: SuccessCase) throws {
    func references(_ extra: [String]) throws -> [String: String] {
      let output = Errcat.run(arguments: ["classify"] + success.arguments + ["--body", success.body, "--json"] + extra)
      #expect(output.status == 0)
      let object = try #require(
        JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
      #expect(object["outcome"] as? String == "success")
      return try #require(object["references"] as? [String: String])
    }
    let revealed = try references(["--reveal"])
    for (name, value) in success.references { #expect(revealed[name] == value, "\(name)") }
    // Masked by default (recipients and token-like ids are partly hidden), but every name is there.
    let masked = try references([])
    #expect(Set(masked.keys) == Set(revealed.keys))
  }

  @Test("A success code is reached through its catalog entry")
  func successEntries() throws {
    let yeastar = Yeastar.classify(status: 200, body: #"{"errcode":0,"errmsg":"SUCCESS"}"#)
    guard case .success(let success) = yeastar else {
      Issue.record("errcode 0 is not a success: \(yeastar)")
      return
    }
    #expect(success.entry == Yeastar.Code.success.entry)
    let geniq = try GENIQ.classify(status: 200, body: #"{"responseCode":"0","responseMessage":"Success"}"#).get()
    #expect(geniq.entry == GENIQ.ResponseCode.success.entry)
    let template = try GENIQ.classifyTemplateResponse(
      status: 200, body: #"{"responseCode":"0","responseMessage":"Success"}"#
    ).get()
    #expect(template.entry == GENIQ.TemplateCode.success.entry)
  }

  @Test("A failure keeps its identifiers too")
  func failureKeepsReferences() throws {
    let body =
      #"{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,"fbtrace_id":"AbCdEf123"}}"#
    let error = try #require(
      WhatsApp.classify(status: 400, headers: ["x-fb-request-id": "req-9"], body: body).error)
    #expect(error.references.traceID == "AbCdEf123")
    #expect(error.references.requestID == "req-9")
    #expect(!error.references.description.contains("AbCdEf123"))
  }
}

@Suite("Errors that fit Swift's habits")
struct SwiftHabitsTests {
  static let tokenLimit = #"{"code":403,"error":"FORBIDDEN","msg":"TOKEN LIMIT EXCEEDED"}"#

  @Test("get() returns the success and throws the provider's typed error otherwise")
  func getThrows() {
    #expect(throws: Never.self) { try Wolkvox.classify(status: 200, body: #"{"code":200,"msg":"ok"}"#).get() }
    do {
      _ = try Wolkvox.classify(status: 403, body: Self.tokenLimit).get()
      Issue.record("a failure did not throw")
    } catch {
      #expect(error.code == .tokenLimitExceeded)
    }
    let partial = Yeastar.classify(status: 200, body: #"{"errcode":1,"errmsg":"PARTIAL SUCCESS"}"#)
    #expect(partial.outcome == .partial)
    #expect(throws: Yeastar.Error.self) { try partial.get() }
  }

  @Test("Catching by code works with ~=, across providers that pass a code through")
  func catchByCode() throws {
    var caught = ""
    do {
      _ = try Wolkvox.classify(status: 403, body: Self.tokenLimit).get()
    } catch let error where Wolkvox.Code.tooManySimultaneousRequests ~= error {
      caught = "concurrency"
    } catch let error where Wolkvox.Code.tokenLimitExceeded ~= error {
      caught = "quota"
    } catch {
      caught = "other"
    }
    #expect(caught == "quota")
    let graph = #"{"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429}}"#
    let passedThrough = try #require(Dialog360.classify(status: 400, body: graph).error)
    #expect(WhatsApp.Code.rateLimitHit ~= passedThrough)
    #expect(!(WhatsApp.Code.accessTokenExpired ~= passedThrough))
    #expect(!(Wolkvox.Code.tokenLimitExceeded ~= passedThrough))
  }

  @Test("An error encodes as the errcat contract's error object, without the body's content")
  func encoding() throws {
    let secret = "EAAGsecret123456"
    let body = #"{"code":403,"error":"FORBIDDEN","msg":"TOKEN LIMIT EXCEEDED","token":"\#(secret)"}"#
    let error = try #require(Wolkvox.classify(status: 403, body: body).error)
    let data = try JSONEncoder().encode(error)
    let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["name"] as? String == "tokenLimitExceeded")
    #expect(object["recognized"] as? Bool == true)
    #expect(object["retry"] as? String == "afterReset")
    #expect(object["category"] as? String == "quota")
    #expect(object["fault"] as? String == "account")
    #expect(object["references"] is [String: Any])
    #expect((object["body"] as? [String: Any])?["bytes"] as? Int == body.utf8.count)
    #expect(!String(decoding: data, as: UTF8.self).contains(secret))
    let unrecognized = try #require(Wolkvox.classify(status: 503, body: "<html>down</html>").error)
    let unrecognizedObject = try #require(
      JSONSerialization.jsonObject(with: JSONEncoder().encode(unrecognized)) as? [String: Any])
    #expect(unrecognizedObject["name"] is NSNull)
    #expect(unrecognizedObject["retry"] as? String == "backoff")
  }
}

@Suite("The same shape for every provider")
struct ProviderShapeTests {
  @Test("A provider that passes Meta's codes through finds them with its own lookup and in errcat explain")
  func sharedTablesAreLookedUp() throws {
    for lookup in [Dialog360.lookup, Cequens.lookup] {
      let matches = lookup("131047")
      #expect(matches.contains { $0.entry == WhatsApp.Code.reEngagementMessage.entry })
    }
    #expect(Dialog360.tables.contains { $0.provider == .whatsapp })
    let output = Errcat.run(arguments: ["explain", "360dialog", "131047", "--json"])
    #expect(output.status == 0)
    let object = try #require(JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    let entries = try #require(object["entries"] as? [[String: Any]])
    #expect(entries.contains { $0["provider"] as? String == "whatsapp" && $0["code"] as? String == "131047" })
  }

  @Test("Every module's lookup finds each of its entries by message")
  func everyEntryIsFound() {
    let modules: [(String, [CatalogTable], (String) -> [CatalogMatch])] = [
      ("Wolkvox", Wolkvox.tables, Wolkvox.lookup), ("Dialog360", Dialog360.tables, Dialog360.lookup),
      ("Cequens", Cequens.tables, Cequens.lookup), ("Yeastar", Yeastar.tables, Yeastar.lookup),
      ("GENIQ", GENIQ.tables, GENIQ.lookup), ("WhatsApp", WhatsApp.tables, WhatsApp.lookup),
    ]
    for (module, tables, lookup) in modules {
      let entries = tables.flatMap(\.entries)
      #expect(!entries.isEmpty, "\(module) has no entries")
      for entry in entries {
        #expect(lookup(entry.code).contains { $0.entry == entry }, "\(module) \(entry)")
      }
    }
  }
}
