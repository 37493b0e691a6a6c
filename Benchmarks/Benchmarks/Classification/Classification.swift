// Classification benchmarks for the provider error catalogs.
//
// Every measured operation is paired with a baseline measured in the same run, and results are read as the
// ratio of the two medians, never as absolute times (see ../../README.md). Benchmarks are named
// `P<n><letter> <what>`: the pair `P1a`/`P1b` is "operation"/"baseline", and so on, so that each pair sorts
// together in the tool's output.

import Benchmark
import Dialog360
import ErrorCatalog
import ErrorCatalogFoundation
import Foundation
import WhatsApp
import Wolkvox
import Yeastar

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

// MARK: - Inputs

/// Bodies as the provider sends them, built once, outside any measurement.
enum Bodies {
  // Wolkvox: an exact message and a message matched by a `{placeholder}` pattern.
  static let wolkvoxExact = #"{"code":403,"error":"FORBIDDEN","msg":"TOKEN LIMIT EXCEEDED"}"#
  static let wolkvoxPattern =
    #"{"code":404,"error":"NOT FOUND","msg":"SKILL_ID 4512 DOES NOT EXIST IN YOUR OPERATION."}"#

  // Yeastar: the first (-2) and the last (80053) entry of the errcode table.
  static let yeastarFirst = #"{"errcode":-2,"errmsg":"INTERNAL SERVER ERROR"}"#
  static let yeastarLast = #"{"errcode":80053,"errmsg":"SYSTEM MESSAGE DELETION IS NOT ALLOWED"}"#

  // WhatsApp Graph: the first (0) and the last (135000) entry of the graph table.
  static let whatsAppFirst =
    #"{"error":{"message":"(#0) AuthException","type":"OAuthException","code":0,"error_data":{"messaging_product":"whatsapp","details":"We were unable to authenticate the app user."},"fbtrace_id":"A1b2C3d4E5f6G7h8I9j0KlM"}}"#
  static let whatsAppLast =
    #"{"error":{"message":"(#135000) Generic user error","type":"OAuthException","code":135000,"error_data":{"messaging_product":"whatsapp","details":"Message failed to send because of an unknown error with your request parameters."},"fbtrace_id":"AJk1Lz3Xc5Vb7Nm9Qw1Er3T"}}"#

  // 360dialog passing Meta's Graph error through (Cloud API), HTTP 400.
  static let dialog360Graph =
    #"{"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429,"error_data":{"messaging_product":"whatsapp","details":"Cloud API message throughput has been reached."},"error_subcode":2494055,"fbtrace_id":"AbCdEfGhIjKlMnOpQrStUv"}}"#

  /// A Cloud API status webhook with ten failed statuses (131047, 131026, 470 and 130429 in turn).
  static let dialog360Webhook: String = {
    let failures: [(code: Int, title: String, details: String)] = [
      (
        131047, "Re-engagement message",
        "Message failed to send because more than 24 hours have passed since the customer last replied to this number."
      ),
      (131026, "Message undeliverable", "Message Undeliverable."),
      (470, "Re-engagement message", "Message failed to send because more than 24 hours have passed."),
      (130429, "Rate limit hit", "Cloud API message throughput has been reached."),
    ]
    let statuses = (0..<10).map { index -> String in
      let failure = failures[index % failures.count]
      return
        #"{"id":"wamid.HBgLNTczMDAxMjM0NTY3FQIAERgSQTFCMkMzRDRFNUY2QTdCOEM5A\#(index)==","status":"failed","timestamp":"17502637\#(10 + index)","recipient_id":"5730012345\#(10 + index)","errors":[{"code":\#(failure.code),"title":"\#(failure.title)","message":"\#(failure.title)","error_data":{"details":"\#(failure.details)"},"href":"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]}"#
    }
    return
      #"{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"statuses":["#
      + statuses.joined(separator: ",") + #"]},"field":"messages"}]}]}"#
  }()

  /// A proxy's HTML error page padded to exactly `size` bytes.
  static func html(size: Int) -> [UInt8] {
    let head = Array(
      "<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head><body>\n".utf8)
    let tail = Array("</body></html>\n".utf8)
    let line = Array("<p>The server is temporarily unable to service your request. Please try again later.</p>\n".utf8)
    var bytes = head
    bytes.reserveCapacity(size)
    while bytes.count + line.count + tail.count <= size { bytes += line }
    bytes += Array(repeating: UInt8(ascii: " "), count: size - bytes.count - tail.count)
    bytes += tail
    precondition(bytes.count == size)
    return bytes
  }
}

/// A body ready for both sides of a pair: bytes for the classifiers, `Data` for Foundation.
struct Body {
  let bytes: [UInt8]
  let data: Data

  init(_ text: String) { self.init(Array(text.utf8)) }

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    data = Data(bytes)
  }
}

/// The baseline of pairs 1 and 4: what merely parsing the body with Foundation costs.
@inline(never)
func foundationParse(_ data: Data) -> Any? {
  try? JSONSerialization.jsonObject(with: data)
}

func httpResponse(status: Int) -> HTTPURLResponse {
  HTTPURLResponse(
    url: URL(string: "https://api.example.com/v1")!, statusCode: status, httpVersion: "HTTP/1.1",
    headerFields: ["Content-Type": "text/html"])!
}

/// Checks, once before measuring, that a benchmark's input still does what the benchmark's name says.
func expect(_ condition: Bool, _ what: String) {
  precondition(condition, "benchmark input no longer does what it should: \(what)")
}

// MARK: - Benchmarks

let benchmarks: @Sendable () -> Void = {
  // Small operations (a few microseconds): 1,000 calls per sample, so timer overhead does not matter.
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
    timeUnits: .nanoseconds,
    warmupIterations: 3,
    scalingFactor: .kilo,
    maxDuration: .seconds(1),
    maxIterations: 10_000
  )
  // Whole-body operations on MiB bodies: one call per sample.
  let large = Benchmark.Configuration(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
    timeUnits: .nanoseconds,
    warmupIterations: 3,
    scalingFactor: .one,
    maxDuration: .seconds(1),
    maxIterations: 2_000
  )

  // P1: Wolkvox.classify of a typical error body vs. Foundation's JSONSerialization of the same body.
  let wolkvoxExact = Body(Bodies.wolkvoxExact)
  expect(Wolkvox.classify(status: 403, body: wolkvoxExact.bytes).error?.code == .tokenLimitExceeded, "P1/P2 exact")
  expect(foundationParse(wolkvoxExact.data) != nil, "P1 baseline")

  Benchmark("P1a Wolkvox.classify token-limit body") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(Wolkvox.classify(status: 403, body: wolkvoxExact.bytes))
    }
  }
  Benchmark("P1b baseline JSONSerialization token-limit body") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(foundationParse(wolkvoxExact.data))
    }
  }

  // P2: a message matched through a pattern vs. an exact message, as whole bodies and as bare lookups.
  let wolkvoxPattern = Body(Bodies.wolkvoxPattern)
  let skill = Wolkvox.classify(status: 404, body: wolkvoxPattern.bytes).error
  expect(skill?.code == .skillNotFound && skill?.parameters["skillID"] == "4512", "P2 pattern")
  let patternMessage = "SKILL_ID 4512 DOES NOT EXIST IN YOUR OPERATION."
  let exactMessage = "TOKEN LIMIT EXCEEDED"
  // The last pattern of the Wolkvox table: a pattern miss tries the patterns one by one.
  let lastPatternMessage = "NOT SENT MESSAGE: THE NUMBER OF VARIABLES IS: 3"
  expect(Wolkvox.lookup(patternMessage).first?.entry.name == "skillNotFound", "P2 pattern lookup")
  expect(Wolkvox.lookup(exactMessage).first?.entry.name == "tokenLimitExceeded", "P2 exact lookup")
  expect(Wolkvox.lookup(lastPatternMessage).first?.entry.name == "variableCountMismatch", "P2 last pattern lookup")

  Benchmark("P2a Wolkvox.classify pattern body SKILL_ID 4512") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(Wolkvox.classify(status: 404, body: wolkvoxPattern.bytes))
    }
  }
  Benchmark("P2b Wolkvox.classify exact body TOKEN LIMIT EXCEEDED") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(Wolkvox.classify(status: 403, body: wolkvoxExact.bytes))
    }
  }
  Benchmark("P2c Wolkvox.lookup pattern message SKILL_ID 4512") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(Wolkvox.lookup(patternMessage))
    }
  }
  Benchmark("P2d Wolkvox.lookup exact message TOKEN LIMIT EXCEEDED") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(Wolkvox.lookup(exactMessage))
    }
  }
  Benchmark("P2e Wolkvox.lookup last-pattern message NOT SENT MESSAGE") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(Wolkvox.lookup(lastPatternMessage))
    }
  }

  // P3: the last entry of a large table vs. the first: hashing, not scanning, keeps them equal.
  let yeastarFirst = Body(Bodies.yeastarFirst)
  let yeastarLast = Body(Bodies.yeastarLast)
  expect(Yeastar.Code.table.entries.first?.code == "-2", "P3 Yeastar first entry")
  expect(Yeastar.Code.table.entries.last?.code == "80053", "P3 Yeastar last entry")
  expect(Yeastar.classify(status: 200, body: yeastarFirst.bytes).error?.code == .internalServerError, "P3 Yeastar -2")
  expect(
    Yeastar.classify(status: 200, body: yeastarLast.bytes).error?.code == .systemMessageDeletionNotAllowed,
    "P3 Yeastar 80053")
  let whatsAppFirst = Body(Bodies.whatsAppFirst)
  let whatsAppLast = Body(Bodies.whatsAppLast)
  expect(WhatsApp.Code.table.entries.first?.code == "0", "P3 WhatsApp first entry")
  // 135000 was the graph table's last entry when P3 was written; later codes were added after it.
  expect(WhatsApp.Code.table.entries.contains { $0.code == "135000" }, "P3 WhatsApp 135000 entry")
  expect(WhatsApp.classify(status: 401, body: whatsAppFirst.bytes).error?.code == .authException, "P3 WhatsApp 0")
  expect(
    WhatsApp.classify(status: 400, body: whatsAppLast.bytes).error?.code == .genericUserError, "P3 WhatsApp 135000")

  Benchmark("P3a Yeastar.classify last entry 80053") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(Yeastar.classify(status: 200, body: yeastarLast.bytes))
    }
  }
  Benchmark("P3b Yeastar.classify first entry -2") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(Yeastar.classify(status: 200, body: yeastarFirst.bytes))
    }
  }
  Benchmark("P3c WhatsApp.classify last entry 135000") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(WhatsApp.classify(status: 400, body: whatsAppLast.bytes))
    }
  }
  Benchmark("P3d WhatsApp.classify first entry 0") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(WhatsApp.classify(status: 401, body: whatsAppFirst.bytes))
    }
  }

  // The same, without the body: only the code lookup and the typed code, so body length plays no part.
  func whatsAppCode(_ code: String) -> WhatsApp.Code? {
    WhatsApp.Code.table.match(code: code).flatMap { WhatsApp.Code(entry: $0.entry) }
  }
  expect(whatsAppCode("135000") == .genericUserError && whatsAppCode("0") == .authException, "P3 WhatsApp codes")
  Benchmark("P3e WhatsApp code lookup last entry 135000") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(whatsAppCode("135000"))
    }
  }
  Benchmark("P3f WhatsApp code lookup first entry 0") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(whatsAppCode("0"))
    }
  }

  // P4: 360dialog's Graph error body and a webhook with ten failed statuses vs. JSONSerialization.
  let dialog360Graph = Body(Bodies.dialog360Graph)
  let dialog360Webhook = Body(Bodies.dialog360Webhook)
  expect(
    Dialog360.classify(status: 400, body: dialog360Graph.bytes).error?.code == .cloudAPI(.rateLimitHit),
    "P4 Graph error")
  let webhookErrors = Dialog360.classifyWebhook(body: dialog360Webhook.bytes)
  expect(webhookErrors.count == 10 && webhookErrors.allSatisfy { $0.error?.isRecognized == true }, "P4 webhook")
  expect(foundationParse(dialog360Graph.data) != nil && foundationParse(dialog360Webhook.data) != nil, "P4 baselines")

  Benchmark("P4a Dialog360.classify Graph error body") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(Dialog360.classify(status: 400, body: dialog360Graph.bytes))
    }
  }
  Benchmark("P4b baseline JSONSerialization Graph error body") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(foundationParse(dialog360Graph.data))
    }
  }
  Benchmark("P4c Dialog360.classifyWebhook 10 failed statuses") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(Dialog360.classifyWebhook(body: dialog360Webhook.bytes))
    }
  }
  Benchmark("P4d baseline JSONSerialization 10 failed statuses") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(foundationParse(dialog360Webhook.data))
    }
  }

  // P5: MiB bodies through the URLSession entry point vs. copying the bytes once: work must stay bounded
  // (only the first ResponseBody.storedLimit bytes are kept and read).
  let response503 = httpResponse(status: 503)
  let oneMiB = Data(Bodies.html(size: 1 << 20))
  let tenMiB = Data(Bodies.html(size: 10 << 20))
  let oneMiBError = Wolkvox.classify(response503, data: oneMiB).error
  expect(oneMiBError?.isRecognized == false && oneMiBError?.retry == .backoff, "P5 1 MiB")
  expect(oneMiBError?.body.isTruncated == false, "P5 1 MiB is kept whole")
  expect(Wolkvox.classify(response503, data: tenMiB).error?.body.isTruncated == true, "P5 10 MiB is truncated")

  Benchmark("P5a Wolkvox.classify(response,data:) 1 MiB HTML", configuration: large) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(Wolkvox.classify(response503, data: oneMiB))
    }
  }
  Benchmark("P5b baseline Array(data) 1 MiB", configuration: large) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(Array(oneMiB))
    }
  }
  Benchmark("P5c Wolkvox.classify(response,data:) 10 MiB HTML", configuration: large) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(Wolkvox.classify(response503, data: tenMiB))
    }
  }
  Benchmark("P5d baseline Array(data) 10 MiB", configuration: large) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(Array(tenMiB))
    }
  }
  // The library's own entry point, handed 10 MiB of bytes, against P5b (copying 1 MiB once): about 1 means
  // the work is bounded by ResponseBody.storedLimit, whatever the body's size.
  let tenMiBBytes = Array(tenMiB)
  Benchmark("P5e Wolkvox.classify(status:body:) 10 MiB bytes", configuration: large) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(Wolkvox.classify(status: 503, body: tenMiBBytes))
    }
  }

  // P6 (JSONValue.member miss vs. hit) is gone: the tree reader is internal now, and classifiers read
  // members in place (G1-G5 measure that).

  goalBenchmarks()
}
