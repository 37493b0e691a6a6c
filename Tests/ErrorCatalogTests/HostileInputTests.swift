import Cequens
import Dialog360
import ErrorCatalog
import Testing
import WhatsApp
import Wolkvox
import Yeastar

/// Every public classify entry point, as one function from (status, body) to what it reported.
struct EntryPoint: CustomStringConvertible, Sendable {
  var description: String
  var classify: @Sendable (Int?, [UInt8]) -> (outcome: Outcome, errors: [any ProviderError])

  static func response<E: ProviderError>(
    _ name: String, _ function: @escaping @Sendable (Int?, [UInt8]) -> Classification<E>
  ) -> EntryPoint {
    EntryPoint(description: name) { status, body in
      let result = function(status, body)
      return (result.outcome, result.error.map { [$0] } ?? [])
    }
  }

  static func webhook<E: ProviderError>(
    _ name: String, _ function: @escaping @Sendable ([UInt8]) -> [Classification<E>]
  ) -> EntryPoint {
    EntryPoint(description: name) { _, body in
      let errors = function(body).errors()
      return (errors.isEmpty ? .success : .failure, errors)
    }
  }

  static let all: [EntryPoint] =
    [
      .response("Wolkvox.classify") { Wolkvox.classify(status: $0, body: $1) },
      .response("Dialog360.classify") { Dialog360.classify(status: $0, body: $1) },
      .webhook("Dialog360.classifyWebhook") { Dialog360.classifyWebhook(body: $0) },
      .response("Cequens.classify") { Cequens.classify(status: $0, body: $1) },
      .webhook("Cequens.classifyWebhook") { Cequens.classifyWebhook(body: $0) },
      .response("Yeastar.classify") { Yeastar.classify(status: $0, body: $1) },
      .response("WhatsApp.classify") { WhatsApp.classify(status: $0, body: $1) },
      .webhook("WhatsApp.classifyWebhook") { WhatsApp.classifyWebhook(body: $0) },
    ] + geniqEntryPoints
}

/// Bodies providers should never send, and that must never crash, hang, throw or be lost.
enum HostileBodies {
  static let nestedArrays = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
  static let nestedObjects = Array(String(repeating: #"{"a":"#, count: 50_000).utf8)
  static let tenMegabytes: [UInt8] = {
    var body = Array(#"{"code":403,"msg":""#.utf8)
    body += [UInt8](repeating: UInt8(ascii: "x"), count: 10 * 1024 * 1024)
    body += Array(#""}"#.utf8)
    return body
  }()

  static let small: [(name: String, body: [UInt8])] = [
    ("invalid UTF-8", [0x7B, 0x22, 0x63, 0x6F, 0x64, 0x65, 0x22, 0x3A, 0xFF, 0xFE, 0x7D]),
    ("invalid UTF-8 in a string", Array(#"{"code":403,"msg":"TOKEN "#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)),
    ("NUL bytes", [0x00, 0x00, 0x7B, 0x00, 0x7D]),
    (
      "duplicate keys",
      Array(#"{"code":200,"code":403,"errcode":0,"errcode":10004,"msg":"a","msg":"TOKEN LIMIT EXCEEDED"}"#.utf8)
    ),
    ("float code", Array(#"{"code":403.5,"errcode":10004.25,"responseCode":1.5,"replyCode":0.5}"#.utf8)),
    ("boolean code", Array(#"{"code":true,"errcode":false,"responseCode":true,"replyCode":false}"#.utf8)),
    ("huge code", Array(#"{"code":123456789012345678901234567890,"errcode":-99999999999999999999999}"#.utf8)),
    ("negative code", Array(#"{"code":-403,"errcode":-2,"responseCode":"-1"}"#.utf8)),
    ("array code", Array(#"{"code":[403],"errcode":[1,2],"responseCode":["0"],"error":{"code":[1]}}"#.utf8)),
    ("object code", Array(#"{"code":{"v":403},"errcode":{},"error":{"code":{"x":1},"message":{}}}"#.utf8)),
    (
      "empty strings",
      Array(#"{"code":"","msg":"","errcode":"","errmsg":"","error":"","statuses":[{"errors":[{"code":""}]}]}"#.utf8)
    ),
    ("string instead of object", Array(#""{\"code\":403,\"msg\":\"TOKEN LIMIT EXCEEDED\"}""#.utf8)),
    ("plain string", Array(#""hello""#.utf8)),
    ("truncated JSON", Array(#"{"code":403,"error":"FORBIDDEN","msg":"TOKEN LIM"#.utf8)),
    ("statuses not an array", Array(#"{"statuses":{"errors":"x"},"entry":"y"}"#.utf8)),
    ("errors of scalars", Array(#"{"errors":[1,"two",null,true],"statuses":[null,3,[]]}"#.utf8)),
    ("empty", []),
    ("white space", Array(" \n\t ".utf8)),
    ("bare number", Array("403".utf8)),
    ("lone surrogate", Array(#"{"msg":"\ud800","code":"\udfff"}"#.utf8)),
  ]
}

@Suite("Hostile input")
struct HostileInputTests {
  func check(_ entry: EntryPoint, status: Int?, body: [UInt8]) {
    let result = entry.classify(status, body)
    for error in result.errors {
      #expect(error.body.totalCount == body.count, "\(entry) lost the body's length")
      #expect(error.body.bytes.count <= ResponseBody.storedLimit)
      #expect(Array(body.prefix(error.body.bytes.count)) == error.body.bytes, "\(entry) changed the body")
      #expect(error.description.count < 400)
    }
    if result.outcome == .failure { #expect(!result.errors.isEmpty, "\(entry) reported a failure without an error") }
  }

  @Test("Odd bodies give a classification and keep the raw data", arguments: EntryPoint.all)
  func smallHostileBodies(entry: EntryPoint) {
    for (_, body) in HostileBodies.small {
      for status in [nil, 200, 401, 503] { check(entry, status: status, body: body) }
    }
  }

  @Test("100,000 nested brackets and 50,000 nested objects are rejected, not recursed", arguments: EntryPoint.all)
  func deepNesting(entry: EntryPoint) {
    check(entry, status: 500, body: HostileBodies.nestedArrays)
    check(entry, status: 500, body: HostileBodies.nestedObjects)
    #expect(JSONReader.parse(HostileBodies.nestedArrays) == nil)
  }

  @Test("A 10 MB body keeps a bounded prefix and its full length", arguments: EntryPoint.all)
  func hugeBody(entry: EntryPoint) throws {
    let result = entry.classify(502, HostileBodies.tenMegabytes)
    for error in result.errors {
      #expect(error.body.isTruncated)
      #expect(error.body.totalCount == HostileBodies.tenMegabytes.count)
      #expect(error.body.bytes.count == ResponseBody.storedLimit)
    }
  }

  @Test("A message of 900 KB with many words is classified without quadratic work", arguments: EntryPoint.all)
  func longMessage(entry: EntryPoint) {
    let words = String(repeating: "TOKEN LIMIT ", count: 75_000)
    let body = Array(
      #"{"code":403,"msg":"\#(words)","errcode":40002,"errmsg":"\#(words)","responseCode":"5","responseMessage":"\#(words)","error":{"code":100,"message":"\#(words)"}}"#
        .utf8)
    check(entry, status: 403, body: body)
  }

  @Test("A non-JSON 200 answer is never success for the providers that send errors in HTTP 200")
  func inBandProvidersDoNotTrustStatus() {
    let html = Array("<html><body>proxy login</body></html>".utf8)
    #expect(Yeastar.classify(status: 200, body: html).outcome == .failure)
  }

  @Test("Classifying from many tasks at once gives the same answers")
  func concurrentClassification() async {
    let samples =
      Wolkvox.Code.allCases.map(\.sample) + Yeastar.Code.allCases.map(\.sample)
      + Dialog360.Code.allCases.map(\.sample)
    let expected = samples.map { sample in
      sample.kind == .webhook
        ? Dialog360.classifyWebhook(body: sample.bodyBytes).errors().first?.entry
        : Wolkvox.classify(status: sample.status, body: sample.body).error?.entry
    }
    await withTaskGroup(of: Bool.self) { group in
      for worker in 0..<16 {
        group.addTask {
          var same = true
          for (index, sample) in samples.enumerated() where (index + worker) % 2 == 0 {
            let entry =
              sample.kind == .webhook
              ? Dialog360.classifyWebhook(body: sample.bodyBytes).errors().first?.entry
              : Wolkvox.classify(status: sample.status, body: sample.body).error?.entry
            same = same && entry == expected[index]
            _ = Yeastar.classify(status: sample.status, body: sample.body)
            _ = Cequens.classify(status: sample.status, body: sample.body)
          }
          return same
        }
      }
      for await same in group { #expect(same) }
    }
  }

  @Test("A token in the body never reaches an error's description", arguments: EntryPoint.all)
  func secretsStayOut(entry: EntryPoint) {
    let token = "EAAGm0PX4ZCpsBAKZCZBq7x2sSECRETz9ZA"
    let bodies = [
      #"{"code":401,"msg":"Invalid token \#(token)","error":{"message":"bad \#(token)","code":190}}"#,
      #"{"errcode":10004,"errmsg":"\#(token)","code":"\#(token)","responseCode":"\#(token)"}"#,
      #"{"statuses":[{"id":"\#(token)","status":"failed","errors":[{"code":"\#(token)","title":"\#(token)"}]}]}"#,
      "Authorization: Bearer \(token)",
    ]
    for body in bodies {
      for error in entry.classify(401, Array(body.utf8)).errors {
        #expect(!error.description.contains(token), "\(entry)")
        #expect(!(error.errorDescription ?? "").contains(token), "\(entry)")
      }
    }
  }
}
