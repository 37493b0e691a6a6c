// The rows of issue #12's table ("Classify in one pass, at a fraction of the cost of parsing the body"),
// each as an operation and its baselines measured in the same run. `ratios.py` turns them into the table
// and checks the allocation counts against their thresholds (see ../../README.md).
//
// Names: `G<row><case><n>`, where n = 1 is the operation and 2, 3, 4 its baselines (JSONSerialization of the
// same bytes, a bare loop over the bytes, JSONDecoder plus a dictionary as a user would write it).

import Benchmark
import Dialog360
import ErrorCatalog
import Foundation
import GENIQ
import WhatsApp
import Wolkvox
import Yeastar

// MARK: - Inputs

enum GoalBodies {
  static let wolkvox403 = #"{"code":403,"error":"FORBIDDEN","msg":"TOKEN LIMIT EXCEEDED"}"#
  static let yeastar10004 = #"{"errcode":10004,"errmsg":"TOKEN EXPIRED"}"#
  static let geniqResponse =
    #"{"reference":"ref-20260301-0002","responseMessage":"Invalid Username or Password","responseCode":"1"}"#
  /// A Graph API error answer (HTTP 400) for 131047, as Meta and 360dialog's Cloud API send it.
  static let graph131047 =
    #"{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,"error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},"fbtrace_id":"AbCdEfGhIjKlMnOpQrStUv"}}"#

  /// A Cloud API status webhook reporting one `delivered` status, with its conversation and pricing: about 1 KB.
  static let deliveredWebhook =
    #"{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Customer Name"},"wa_id":"573001234567"}],"statuses":[{"id":"wamid.HBgLNTczMDAxMjM0NTY3FQIAERgSQTFCMkMzRDRFNUY2QTdCOEM5AA==","status":"delivered","timestamp":"1750263773","recipient_id":"573001234567","conversation":{"id":"4ba2a2bbd8e9f3c1a0b7d6e5f4c3b2a1","expiration_timestamp":"1750350173","origin":{"type":"utility"}},"pricing":{"billable":true,"pricing_model":"PMP","category":"utility","type":"regular"},"biz_opaque_callback_data":"order-2026-0001-confirmation-sent-by-the-notification-service"}]},"field":"messages"}]}],"meta":{"note":"Delivery receipts arrive once per message and device; the integration acknowledges each with HTTP 200 and stores the status.","trace":"webhook-delivery-7f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a"}}"#

  /// A Yeastar `errcode 0` answer carrying `count` extensions in `data` (2 KB for 9).
  static func yeastarList(count: Int) -> String {
    let items = (0..<count).map { index in
      #"{"id":\#(index + 1),"number":"\#(1000 + index)","caller_id_name":"Extension \#(1000 + index)","online_status":{"sip_phone":{"status":1,"ext_dev_type":"sip"},"linkus_desktop":{"status":0},"linkus_mobile":{"status":0}},"presence_status":"available","email_addr":"user\#(index)@example.com"}"#
    }
    return #"{"errcode":0,"errmsg":"SUCCESS","total_number":\#(count),"data":["# + items.joined(separator: ",") + "]}"
  }

  /// The largest Yeastar list answer that fits ``ResponseBody/storedLimit`` (1 MiB), so it is read whole.
  static let yeastarMiB: String = {
    var count = 4000
    while yeastarList(count: count + 100).utf8.count <= ResponseBody.storedLimit { count += 100 }
    while yeastarList(count: count + 1).utf8.count <= ResponseBody.storedLimit { count += 1 }
    return yeastarList(count: count)
  }()

  /// A GENIQ delivery report as the query string of a GET callback, and the same report as JSON.
  static let geniqReportQuery =
    "messageId=5A1F3C2E9B7D4E60A1C2D3E4F5061728&channel=sms&recipient=6588880000&status=undeliverable&reasonCode=1"
    + "&messageTimestamp=2026-03-01T10%3A15%3A00%2B08%3A00&operatorTimestamp=2026-03-01T10%3A15%3A04%2B08%3A00"
  static let geniqReportJSON =
    #"{"messageId":"5A1F3C2E9B7D4E60A1C2D3E4F5061728","channel":"sms","recipient":"6588880000","status":"undeliverable","reasonCode":"1","messageTimestamp":"2026-03-01T10:15:00+08:00","operatorTimestamp":"2026-03-01T10:15:04+08:00"}"#

  /// A message no Wolkvox entry has, of a typical length.
  static let unknownWolkvoxMessage = "THE SERVICE IS TEMPORARILY PAUSED FOR SCHEDULED MAINTENANCE"
}

// MARK: - Baselines

/// A bare loop over the bytes: FNV-1a of every byte, the least any reader that looks at each byte once costs.
@inline(never)
func byteLoop(_ bytes: [UInt8]) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
  return hash
}

/// What a user would write instead of the library: `JSONDecoder` into the fields they know, then a
/// dictionary from message or code to their own enum.
enum UserCode: Sendable { case tokenLimit, tokenExpired, invalidCredentials, reEngagement, success, other }

struct WolkvoxShape: Decodable {
  let code: Int?
  let error: String?
  let msg: String?
}

struct YeastarShape: Decodable {
  struct Extension: Decodable {
    let id: Int
    let number: String
  }
  let errcode: Int
  let errmsg: String?
  let data: [Extension]?
}

struct GENIQShape: Decodable {
  let reference: String?
  let responseMessage: String?
  let responseCode: String
}

struct GraphShape: Decodable {
  struct GraphError: Decodable {
    let message: String?
    let type: String?
    let code: Int
    let traceID: String?

    enum CodingKeys: String, CodingKey {
      case message, type, code
      case traceID = "fbtrace_id"
    }
  }
  let error: GraphError
}

struct WebhookShape: Decodable {
  struct Entry: Decodable { let changes: [Change] }
  struct Change: Decodable { let value: Value }
  struct Value: Decodable { let statuses: [Status]? }
  struct Status: Decodable {
    let id: String
    let status: String
    let recipientID: String?

    enum CodingKeys: String, CodingKey {
      case id, status
      case recipientID = "recipient_id"
    }
  }
  let entry: [Entry]
}

let userMessages: [String: UserCode] = ["TOKEN LIMIT EXCEEDED": .tokenLimit, "TOKEN EXPIRED": .tokenExpired]
let userCodes: [Int: UserCode] = [10004: .tokenExpired, 131047: .reEngagement, 0: .success]
let userGENIQCodes: [String: UserCode] = ["1": .invalidCredentials, "0": .success]

@inline(never)
func userWolkvox(_ data: Data) -> UserCode? {
  guard let body = try? JSONDecoder().decode(WolkvoxShape.self, from: data) else { return nil }
  return body.msg.flatMap { userMessages[$0] } ?? .other
}

@inline(never)
func userYeastar(_ data: Data) -> UserCode? {
  guard let body = try? JSONDecoder().decode(YeastarShape.self, from: data) else { return nil }
  return userCodes[body.errcode] ?? .other
}

@inline(never)
func userGENIQ(_ data: Data) -> UserCode? {
  guard let body = try? JSONDecoder().decode(GENIQShape.self, from: data) else { return nil }
  return userGENIQCodes[body.responseCode] ?? .other
}

@inline(never)
func userGraph(_ data: Data) -> UserCode? {
  guard let body = try? JSONDecoder().decode(GraphShape.self, from: data) else { return nil }
  return userCodes[body.error.code] ?? .other
}

@inline(never)
func userWebhook(_ data: Data) -> [UserCode]? {
  guard let body = try? JSONDecoder().decode(WebhookShape.self, from: data) else { return nil }
  return body.entry.flatMap { $0.changes.flatMap { $0.value.statuses ?? [] } }.map {
    $0.status == "failed" ? .other : .success
  }
}

// MARK: - Benchmarks

func goalBenchmarks() {
  let large = Benchmark.Configuration(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
    timeUnits: .nanoseconds,
    warmupIterations: 3,
    scalingFactor: .one,
    maxDuration: .seconds(1),
    maxIterations: 2_000
  )

  // G1: small error bodies, each against JSONSerialization, a bare byte loop and JSONDecoder of its bytes.
  // The operation is the classification alone (as JSONSerialization's result is not inspected either);
  // what it found is checked once, before measuring.
  let wolkvox = Body(GoalBodies.wolkvox403)
  let yeastar = Body(GoalBodies.yeastar10004)
  let geniq = Body(GoalBodies.geniqResponse)
  let graph = Body(GoalBodies.graph131047)
  expect(Wolkvox.classify(status: 403, body: wolkvox.bytes).error?.code == .tokenLimitExceeded, "G1a")
  expect(Yeastar.classify(status: 200, body: yeastar.bytes).error?.code == .tokenExpired, "G1b")
  expect(GENIQ.classify(status: 200, body: geniq.bytes).error?.code == .response(.invalidCredentials), "G1c")
  expect(WhatsApp.classify(status: 400, body: graph.bytes).error?.code == .reEngagementMessage, "G1d")
  expect(
    Dialog360.classify(status: 400, body: graph.bytes).error?.code == .cloudAPI(.reEngagementMessage), "G1e")
  Benchmark("G1a1 classify Wolkvox 403") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(Wolkvox.classify(status: 403, body: wolkvox.bytes)) }
  }
  Benchmark("G1b1 classify Yeastar 10004") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(Yeastar.classify(status: 200, body: yeastar.bytes)) }
  }
  Benchmark("G1c1 classify GENIQ responseCode 1") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(GENIQ.classify(status: 200, body: geniq.bytes)) }
  }
  Benchmark("G1d1 classify WhatsApp Graph 131047") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(WhatsApp.classify(status: 400, body: graph.bytes)) }
  }
  Benchmark("G1e1 classify Dialog360 Graph 131047") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(Dialog360.classify(status: 400, body: graph.bytes)) }
  }
  struct Baselines {
    let id: String
    let name: String
    let body: Body
    let user: @Sendable (Data) -> UserCode?
  }
  let baselines = [
    Baselines(id: "a", name: "Wolkvox 403", body: wolkvox, user: userWolkvox),
    Baselines(id: "b", name: "Yeastar 10004", body: yeastar, user: userYeastar),
    Baselines(id: "c", name: "GENIQ responseCode 1", body: geniq, user: userGENIQ),
    Baselines(id: "d", name: "WhatsApp Graph 131047", body: graph, user: userGraph),
    Baselines(id: "e", name: "Dialog360 Graph 131047", body: graph, user: userGraph),
  ]
  for small in baselines {
    expect(foundationParse(small.body.data) != nil && small.user(small.body.data) != nil, "G1 \(small.name) baselines")
    Benchmark("G1\(small.id)2 baseline JSONSerialization \(small.name)") { benchmark in
      for _ in benchmark.scaledIterations { blackHole(foundationParse(small.body.data)) }
    }
    Benchmark("G1\(small.id)3 baseline byte loop \(small.name)") { benchmark in
      for _ in benchmark.scaledIterations { blackHole(byteLoop(small.body.bytes)) }
    }
    Benchmark("G1\(small.id)4 baseline JSONDecoder \(small.name)") { benchmark in
      for _ in benchmark.scaledIterations { blackHole(small.user(small.body.data)) }
    }
  }

  // G2: larger successes, where the body is mostly data the classifier does not need.
  let delivered = Body(GoalBodies.deliveredWebhook)
  let deliveredResult = WhatsApp.classifyWebhook(body: delivered.bytes)
  expect(
    deliveredResult.count == 1 && deliveredResult[0].outcome == .success
      && deliveredResult[0].references.messageID != nil && (900...1200).contains(delivered.bytes.count),
    "G2a delivered webhook")
  expect(foundationParse(delivered.data) != nil && userWebhook(delivered.data) == [.success], "G2a baselines")
  Benchmark("G2a1 classifyWebhook delivered status 1 KB") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(WhatsApp.classifyWebhook(body: delivered.bytes)) }
  }
  Benchmark("G2a2 baseline JSONSerialization delivered status 1 KB") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(foundationParse(delivered.data)) }
  }
  Benchmark("G2a4 baseline JSONDecoder delivered status 1 KB") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(userWebhook(delivered.data)) }
  }
  let yeastarList = Body(GoalBodies.yeastarList(count: 9))
  expect((1900...2300).contains(yeastarList.bytes.count), "G2b 2 KB")
  expect(Yeastar.classify(status: 200, body: yeastarList.bytes).outcome == .success, "G2b success")
  expect(foundationParse(yeastarList.data) != nil && userYeastar(yeastarList.data) == .success, "G2b baselines")
  Benchmark("G2b1 classify Yeastar errcode 0 with 2 KB data") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(Yeastar.classify(status: 200, body: yeastarList.bytes)) }
  }
  Benchmark("G2b2 baseline JSONSerialization Yeastar 2 KB") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(foundationParse(yeastarList.data)) }
  }
  Benchmark("G2b4 baseline JSONDecoder Yeastar 2 KB") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(userYeastar(yeastarList.data)) }
  }

  // G3: a GENIQ delivery report as a query string against JSONSerialization of the same report as JSON.
  let query = Body(GoalBodies.geniqReportQuery)
  let reportJSON = Body(GoalBodies.geniqReportJSON)
  let fromQuery = GENIQ.classifyReport(body: query.bytes)
  expect(
    fromQuery.error?.code == .reason(.baseStationUnknown)
      && fromQuery.error?.parameters == GENIQ.classifyReport(body: reportJSON.bytes).error?.parameters
      && fromQuery.error?.parameters["messageTimestamp"] == "2026-03-01T10:15:00+08:00",
    "G3 report")
  Benchmark("G3a1 classifyReport query string") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(GENIQ.classifyReport(body: query.bytes)) }
  }
  Benchmark("G3a2 baseline JSONSerialization report as JSON") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(foundationParse(reportJSON.data)) }
  }

  // G4: an unknown Wolkvox message against an exactly known one, looked up alone.
  expect(Wolkvox.lookup(GoalBodies.unknownWolkvoxMessage).isEmpty, "G4 unknown")
  expect(Wolkvox.lookup("TOKEN LIMIT EXCEEDED").first?.entry.name == "tokenLimitExceeded", "G4 known")
  Benchmark("G4a1 Wolkvox.lookup unknown message") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(Wolkvox.lookup(GoalBodies.unknownWolkvoxMessage)) }
  }
  Benchmark("G4a2 baseline Wolkvox.lookup known message") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(Wolkvox.lookup("TOKEN LIMIT EXCEEDED")) }
  }

  // G5: a 1 MiB body (Yeastar's list answer, read whole) against JSONSerialization, and copying it once.
  let mebibyte = Body(GoalBodies.yeastarMiB)
  expect(mebibyte.bytes.count <= ResponseBody.storedLimit && mebibyte.bytes.count > 1_000_000, "G5 size")
  expect(Yeastar.classify(status: 200, body: mebibyte.bytes).outcome == .success, "G5 success")
  Benchmark("G5a1 classify Yeastar errcode 0 with 1 MiB data", configuration: large) { benchmark in
    for _ in benchmark.scaledIterations { blackHole(Yeastar.classify(status: 200, body: mebibyte.bytes)) }
  }
  Benchmark("G5a2 baseline JSONSerialization 1 MiB", configuration: large) { benchmark in
    for _ in benchmark.scaledIterations { blackHole(foundationParse(mebibyte.data)) }
  }
  Benchmark("G5a5 baseline copy 1 MiB", configuration: large) { benchmark in
    for _ in benchmark.scaledIterations { blackHole(mebibyte.bytes.withUnsafeBufferPointer { Array($0) }) }
  }
  Benchmark("G5b1 classify Yeastar errcode 0 with 2 KB data", configuration: large) { benchmark in
    for _ in benchmark.scaledIterations { blackHole(Yeastar.classify(status: 200, body: yeastarList.bytes)) }
  }
  Benchmark("G5b5 baseline copy 2 KB", configuration: large) { benchmark in
    for _ in benchmark.scaledIterations { blackHole(yeastarList.bytes.withUnsafeBufferPointer { Array($0) }) }
  }
}
