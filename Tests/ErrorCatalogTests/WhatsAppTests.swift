import ErrorCatalog
import Foundation
import Testing
import WhatsApp

@Suite("WhatsApp (Meta)")
struct WhatsAppTests {
  static func classify(_ sample: SampleResponse) -> [WhatsApp.Error] {
    switch sample.kind {
    case .webhook, .report: WhatsApp.classifyWebhook(body: sample.bodyBytes).errors()
    case .response:
      WhatsApp.classify(status: sample.status, headers: sample.headers, body: sample.body).error.map { [$0] } ?? []
    }
  }

  @Test("Every catalog sample classifies back to its own code", arguments: WhatsApp.Code.allCases)
  func sampleClassifiesToItsCode(code: WhatsApp.Code) throws {
    let errors = Self.classify(code.sample)
    #expect(errors.count == 1)
    let error = try #require(errors.first)
    #expect(error.code == code)
  }

  @Test("A Graph error keeps its subcode, details and trace id")
  func graphDetailsAreKept() throws {
    let body = #"""
      {"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429,
      "error_data":{"messaging_product":"whatsapp","details":"Cloud API message throughput has been reached."},
      "error_subcode":2494055,"is_transient":true,"fbtrace_id":"AxYz123"}}
      """#
    let error = try #require(WhatsApp.classify(status: 400, body: body).error)
    #expect(error.code == .rateLimitHit)
    #expect(error.retry == .backoff)
    #expect(error.parameters["subcode"] == "2494055")
    #expect(error.parameters["traceID"] == "AxYz123")
    #expect(error.parameters["isTransient"] == "true")
    #expect(error.parameters["details"] == "Cloud API message throughput has been reached.")
  }

  @Test(
    "Meta's retry meanings hold",
    arguments: [
      ("4", Retry.afterReset), ("80007", .afterReset), ("80008", .afterReset), ("17", .afterReset),
      ("133015", .afterReset), ("134101", .afterReset), ("131043", .never), ("130429", .backoff), ("131056", .backoff),
      ("1", .backoff), ("2", .backoff), ("131000", .backoff), ("131016", .backoff), ("131057", .backoff),
      ("0", .afterReauth), ("190", .afterReauth), ("131047", .afterFix), ("131008", .afterFix), ("131009", .afterFix),
      ("132000", .afterFix), ("132001", .afterFix),
    ])
  func retryMeanings(code: String, retry: Retry) throws {
    let match = try #require(WhatsApp.Code.table.match(code: code))
    #expect(match.entry.retry == retry)
  }

  @Test("Policy blocks are policy", arguments: ["368", "131031"])
  func policyBlocks(code: String) throws {
    #expect(try #require(WhatsApp.Code.table.match(code: code)).entry.category == .policy)
  }

  @Test("Delivered and read statuses are not errors; each failed status is one error")
  func webhookStatuses() throws {
    let body = #"""
      {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
      "messaging_product":"whatsapp","statuses":[
      {"id":"wamid.A","status":"delivered","timestamp":"1","recipient_id":"15550001111"},
      {"id":"wamid.B","status":"failed","timestamp":"2","recipient_id":"15550002222",
       "errors":[{"code":131026,"title":"Message undeliverable","message":"Message undeliverable"}]},
      {"id":"wamid.C","status":"failed","timestamp":"3","recipient_id":"15550003333",
       "errors":[{"code":131047,"title":"Re-engagement message"}]},
      {"id":"wamid.D","status":"read","timestamp":"4","recipient_id":"15550004444"}]}}]}]}
      """#
    let errors = WhatsApp.classifyWebhook(body: Array(body.utf8)).errors()
    #expect(errors.map(\.code) == [.messageUndeliverable, .reEngagementMessage])
    #expect(errors.map { $0.parameters["messageID"] } == ["wamid.B", "wamid.C"])
    #expect(errors.map { $0.parameters["recipient"] } == ["15550002222", "15550003333"])
    #expect(errors.allSatisfy { $0.kind == .webhook })
  }

  @Test("An unknown Graph code is unrecognized but keeps code, message, details and trace id")
  func unknownGraphCode() throws {
    let body =
      #"{"error":{"message":"Brand new failure","type":"OAuthException","code":999999,"error_data":{"details":"d"},"fbtrace_id":"T1"}}"#
    let error = try #require(WhatsApp.classify(status: 500, body: body).error)
    #expect(error.code == nil)
    #expect(error.rawCode == "999999")
    #expect(error.rawMessage == "Brand new failure")
    #expect(error.parameters["traceID"] == "T1")
    #expect(error.parameters["details"] == "d")
    #expect(error.retry == .backoff)
  }

  @Test("An unknown code Meta flags as transient is worth a backoff even on a 400")
  func transientFlag() throws {
    let body = #"{"error":{"message":"Temporary glitch","code":777777,"is_transient":true,"fbtrace_id":"Q"}}"#
    let error = try #require(WhatsApp.classify(status: 400, body: body).error)
    #expect(error.code == nil)
    #expect(error.retry == .backoff)
    let permanent = try #require(
      WhatsApp.classify(status: 400, body: #"{"error":{"message":"x","code":777777,"is_transient":false}}"#).error)
    #expect(permanent.retry == .afterFix)
  }
}

@Suite("Meta's code ranges and subcodes")
struct WhatsAppRangeAndSubcodeTests {
  func graph(_ code: Int, message: String, subcode: Int? = nil, userMessage: String? = nil) throws -> [UInt8] {
    var error: [String: Any] = ["message": "(#\(code)) \(message)", "type": "OAuthException", "code": code]
    error["error_subcode"] = subcode
    error["error_user_msg"] = userMessage
    return [UInt8](try JSONSerialization.data(withJSONObject: ["error": error]))
  }

  @Test("Any code of the 200-299 permission range is the range's entry; exact codes still win")
  func permissionRange() throws {
    let range = try #require(WhatsApp.Code.apiPermission.entry.codeRange)
    for code in [range.lowerBound, 250, range.upperBound] {
      let error = try #require(WhatsApp.classify(status: 403, body: try graph(code, message: "Permission error")).error)
      #expect(error.code == .apiPermission, "\(code)")
    }
    let outside = try #require(WhatsApp.classify(status: 403, body: try graph(300, message: "Something")).error)
    #expect(outside.code != .apiPermission)
    #expect(WhatsApp.lookup("263").map(\.entry) == [WhatsApp.Code.apiPermission.entry])
  }

  @Test("A documented subcode keeps the parent code and adds its meaning; an undocumented one is kept raw")
  func subcodes() throws {
    let known = try #require(WhatsApp.subcodes.first { $0.parentCode != nil })
    let parent = try #require(known.parentCode.flatMap(Int.init))
    let subcode = try #require(Int(known.code))
    let error = try #require(
      WhatsApp.classify(status: 400, body: try graph(parent, message: "Rate limit hit", subcode: subcode)).error)
    #expect(error.entry?.code == String(parent))
    #expect(error.subcode == known)
    #expect(error.parameters["subcode"] == known.code)
    let unknown = try #require(
      WhatsApp.classify(status: 400, body: try graph(parent, message: "Rate limit hit", subcode: 1_234_567)).error)
    #expect(unknown.subcode == nil)
    #expect(unknown.parameters["subcode"] == "1234567")
  }

  @Test("One subcode number with several messages is told apart by the message")
  func subcodeByMessage() throws {
    let shared = Dictionary(grouping: WhatsApp.subcodes, by: \.code).first { $0.value.count > 1 }
    let (code, candidates) = try #require(shared)
    for candidate in candidates {
      let body = try graph(100, message: "Invalid parameter", subcode: Int(code), userMessage: candidate.message)
      let error = try #require(WhatsApp.classify(status: 400, body: body).error)
      #expect(error.subcode == candidate)
    }
  }
}

@Suite("Meta webhooks: every place an error can stand")
struct WhatsAppWebhookPlacesTests {
  static let inbound =
    #"{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Sheena"},"wa_id":"15550000001"}],"messages":[{"from":"15550000001","id":"wamid.INBOUND1","timestamp":"1744344496","errors":[{"code":131051,"title":"Message type unknown","message":"Message type unknown","error_data":{"details":"Message type is currently not supported."}}],"type":"unsupported"},{"from":"15550000001","id":"wamid.INBOUND2","timestamp":"1744344497","type":"text","text":{"body":"hi"}}],"errors":[{"code":131000,"title":"Something went wrong","message":"Something went wrong","error_data":{"details":"Unknown error"}}]},"field":"messages"}]}]}"#

  @Test("Errors under messages[].errors and value.errors are failures; a plain inbound message is no event")
  func inboundAndSystemErrors() throws {
    let events = WhatsApp.classifyWebhook(body: Self.inbound)
    #expect(events.count == 2)
    let errors = events.errors()
    #expect(errors.map(\.code) == [.unsupportedMessageType, .somethingWentWrong])
    let inbound = try #require(errors.first)
    #expect(inbound.references.messageID == "wamid.INBOUND1")
    #expect(inbound.references["sender"] == "15550000001")
    #expect(inbound.kind == .webhook)
  }

  @Test("Each event's fields are its own, whether the webhook holds that event alone or among others")
  func fieldsPerEvent() throws {
    let failed =
      #"{"id":"wamid.F","status":"failed","timestamp":"1700000001","recipient_id":"15550001111","conversation":{"id":"conv-1"},"errors":[{"code":131047,"title":"Re-engagement message","error_data":{"details":"More than 24 hours"}}]}"#
    let delivered = #"{"id":"wamid.D","status":"delivered","timestamp":"1700000002","recipient_id":"15550002222"}"#
    func webhook(_ statuses: [String]) -> String {
      #"{"entry":[{"changes":[{"value":{"statuses":["# + statuses.joined(separator: ",") + "]}}]}]}"
    }
    // Alone, the event's fields are read when asked for; among others, all are read in one walk and kept.
    let alone = try #require(WhatsApp.classifyWebhook(body: webhook([failed])).first?.error)
    let together = WhatsApp.classifyWebhook(body: webhook([delivered, failed, delivered]))
    #expect(together.count == 3)
    let among = try #require(together[1].error)
    for error in [alone, among] {
      #expect(error.code == .reEngagementMessage)
      #expect(error.references.messageID == "wamid.F")
      #expect(error.references["conversationID"] == "conv-1")
      #expect(error.parameters["recipient"] == "15550001111")
      #expect(error.parameters["details"] == "More than 24 hours")
      #expect(error.rawMessage == "Re-engagement message")
    }
    #expect(together[0].references.messageID == "wamid.D")
    #expect(together[2].references["recipient"] == "15550002222")
  }
}
