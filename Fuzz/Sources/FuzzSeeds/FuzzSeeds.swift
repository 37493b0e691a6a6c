import Cequens
import Dialog360
import ErrorCatalogTesting
import Foundation
import FuzzSupport
import GENIQ
import WhatsApp
import Wolkvox
import Yeastar

@testable import ErrorCatalog

// Built with the fuzz targets (so with libFuzzer's `main`), this program does its work in
// `LLVMFuzzerInitialize`, which libFuzzer calls first, and exits before any fuzzing:
//
//     FuzzSeeds <directory>
//
// writes `<directory>/<Target>/<table>-<name>` for every catalog sample, a few shapes every classifier
// must survive, and `<directory>/fuzz.dict`, a libFuzzer dictionary of the samples' keys and short values.

/// One sample, with the target whose corpus it seeds.
struct Seed {
  var target: String
  var name: String
  var bytes: [UInt8]
}

/// The samples of a provider's codes: responses to `response`, webhooks and reports to `webhook`.
func samples<C: CatalogCode>(_ codes: [C], response: String, webhook: String?) -> [Seed] {
  codes.compactMap { code in
    let entry = code.entry
    let sample = entry.sample
    let name = "\(entry.provider.rawValue)-\(entry.table)-\(entry.name)"
    switch sample.kind {
    case .response:
      return Seed(
        target: response, name: name,
        bytes: ResponseInput.encode(status: sample.status, headers: sample.headers, body: sample.bodyBytes))
    case .webhook, .report:
      return webhook.map { Seed(target: $0, name: name, bytes: sample.bodyBytes) }
    @unknown default:
      return nil
    }
  }
}

let responseTargets = [
  "FuzzWolkvox", "FuzzDialog360Response", "FuzzCequensResponse", "FuzzYeastar", "FuzzWhatsAppResponse",
  "FuzzGENIQResponse", "FuzzGENIQTemplate",
]
let bodyTargets = ["FuzzDialog360Webhook", "FuzzCequensWebhook", "FuzzWhatsAppWebhook", "FuzzGENIQReport"]

/// Shapes no catalog sample has: empty, blank, HTML, text, binary, JSON of other shapes.
let shapes: [(name: String, body: String)] = [
  ("empty", ""),
  ("blank", " \r\n\t"),
  ("html", "<html><head><title>503 Service Temporarily Unavailable</title></head><body></body></html>"),
  ("text", "Internal Server Error"),
  ("binary", "\u{0}\u{1}\u{2}\u{FF}PK\u{3}\u{4}"),
  ("null", "null"),
  ("array", "[{\"code\":1}]"),
  ("twice", "\"{\\\"code\\\":403,\\\"msg\\\":\\\"TOKEN LIMIT EXCEEDED\\\"}\""),
  ("query", "messageId=1&channel=sms&status=undeliverable&reasonCode=8"),
  // A code of 310 digits: JSON to the reader, a number Foundation cannot hold (its differential skips it).
  ("long-number", "{\"code\":1\(String(repeating: "0", count: 309)),\"msg\":\"x\"}"),
]

func seeds() -> [Seed] {
  var seeds: [Seed] = []
  seeds += samples(Wolkvox.Code.allCases, response: "FuzzWolkvox", webhook: nil)
  seeds += samples(Dialog360.Code.allCases, response: "FuzzDialog360Response", webhook: "FuzzDialog360Webhook")
  seeds += samples(Cequens.Code.allCases, response: "FuzzCequensResponse", webhook: "FuzzCequensWebhook")
  seeds += samples(Yeastar.Code.allCases, response: "FuzzYeastar", webhook: nil)
  seeds += samples(WhatsApp.Code.allCases, response: "FuzzWhatsAppResponse", webhook: "FuzzWhatsAppWebhook")
  seeds += samples(GENIQ.ResponseCode.allCases, response: "FuzzGENIQResponse", webhook: "FuzzGENIQReport")
  seeds += samples(GENIQ.ReasonCode.allCases, response: "FuzzGENIQResponse", webhook: "FuzzGENIQReport")
  seeds += samples(GENIQ.TemplateCode.allCases, response: "FuzzGENIQTemplate", webhook: "FuzzGENIQReport")

  // Every sample body, and the shapes, are JSON (or not) for the reader.
  let bodies = seeds.map { seed in
    responseTargets.contains(seed.target) ? Array(ResponseInput(seed.bytes).body) : seed.bytes
  }
  for (index, body) in bodies.enumerated() {
    seeds.append(Seed(target: "FuzzJSONReader", name: seeds[index].name, bytes: body))
  }
  for shape in shapes {
    let body = Array(shape.body.utf8)
    seeds.append(Seed(target: "FuzzJSONReader", name: "shape-\(shape.name)", bytes: body))
    for target in bodyTargets { seeds.append(Seed(target: target, name: "shape-\(shape.name)", bytes: body)) }
    for target in responseTargets {
      for status in [200, 204, 401, 429, 503] {
        seeds.append(
          Seed(
            target: target, name: "shape-\(shape.name)-\(status)",
            bytes: ResponseInput.encode(status: status, headers: [:], body: body)))
      }
    }
  }
  for target in responseTargets {
    for (index, value) in ["120", "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT"].enumerated() {
      seeds.append(
        Seed(
          target: target, name: "retry-after-\(index)",
          bytes: ResponseInput.encode(status: 429, headers: ["Retry-After": value], body: [])))
    }
  }

  // Bodies beyond the bound: the response seeds, expanded by the target.
  for seed in seeds where seed.target == "FuzzWolkvox" || seed.target == "FuzzYeastar" {
    seeds.append(Seed(target: "FuzzLongBody", name: seed.name, bytes: seed.bytes))
  }

  // Retry-After values after eight bytes of `now` (2026-01-01 as a Double's bit pattern).
  let now = (1_767_225_600.0).bitPattern
  let nowBytes = (0..<8).map { UInt8(truncatingIfNeeded: now >> (56 - 8 * $0)) }
  let retryAfterValues = [
    "120", "0", " 30 ", "99999999999999999999", "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
    "Sun Nov  6 08:49:37 1994", "Thu, 29 Feb 2024 23:59:60 GMT", "Fri, 31 Dec 9999 23:59:59 GMT",
  ]
  for (index, value) in retryAfterValues.enumerated() {
    seeds.append(Seed(target: "FuzzRetryAfter", name: "value-\(index)", bytes: nowBytes + Array(value.utf8)))
  }

  // errcat input: a limit byte, then raw HTTP responses as curl -i and curl -iL print them.
  let rawResponses = [
    "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: 30\r\n\r\n{\"code\":429}",
    "HTTP/2 503\nretry-after: 7\n\n<html></html>",
    "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 301 Moved\r\nLocation: /b\r\n\r\nHTTP/1.1 401 Unauthorized\r\n\r\n{}",
    "HTTP/1.0 200 OK\r\nX-Folded: a\r\n  b\r\n\r\n",
    "{\"errcode\":0}",
    "HTTP/1.1 403 Forbidden\r\nTransfer-Encoding: chunked\r\n\r\n7;x=y\r\n{\"code\"\r\n5\r\n:403}\r\n0\r\nT: 1\r\n\r\n",
    "HTTP/1.1 403 Forbidden\r\nTransfer-Encoding: chunked\r\n\r\n{\"code\":403}",
  ]
  for (index, response) in rawResponses.enumerated() {
    seeds.append(Seed(target: "FuzzErrcatInput", name: "raw-\(index)", bytes: [255] + Array(response.utf8)))
  }

  // errcat masking: shape byte, kind byte, spelling byte, the secret's material, NUL, filler.
  for kind in 0..<9 {
    let filler = Array("Invalid parameter: the value 2024-01-15 10:15:04 was refused (#131047) v2.0".utf8)
    seeds.append(
      Seed(
        target: "FuzzErrcatRedaction", name: "plant-\(kind)",
        bytes: [UInt8(kind), UInt8(kind), UInt8(kind * 29)] + Array("s3cr3t".utf8) + [0] + filler))
  }

  // Templates against the messages they were written for: `template NUL message`.
  let tables =
    Wolkvox.tables + Dialog360.tables + Cequens.tables + Yeastar.tables + WhatsApp.tables + GENIQ.tables
  for table in tables {
    for entry in table.entries {
      let name = "\(entry.provider.rawValue)-\(entry.table)-\(entry.name)"
      seeds.append(Seed(target: "FuzzMessagePattern", name: name, bytes: Array(entry.message.utf8)))
      for (index, template) in entry.patterns.enumerated() {
        seeds.append(
          Seed(
            target: "FuzzMessagePattern", name: "\(name)-\(index)",
            bytes: Array(template.utf8) + [0] + Array(entry.message.utf8)))
      }
    }
  }
  // Every catalog's samples for FuzzEveryProvider: the provider's name and the sample's kind on a line each,
  // then the answer (a new catalog's samples come with it; GENIQ's template answers reach their call when a
  // mutation names `template`).
  for entry in CatalogSamples.allEntries {
    let sample = entry.sample
    let prefix = Array("\(entry.provider.rawValue)\n\(sample.kind.rawValue)\n".utf8)
    seeds.append(
      Seed(
        target: "FuzzEveryProvider", name: "\(entry.provider.rawValue)-\(entry.table)-\(entry.name)",
        bytes: prefix + ResponseInput.encode(status: sample.status, headers: sample.headers, body: sample.bodyBytes)))
  }
  return seeds
}

/// Keys (quoted, as they appear in JSON) and short string and number values of every JSON sample.
func dictionary(_ seeds: [Seed]) -> [String] {
  var tokens = Set<String>()
  func collect(_ value: JSONValue) {
    switch value {
    case .object(let members):
      for member in members {
        tokens.insert("\"\(member.key)\":")
        collect(member.value)
      }
    case .array(let values):
      values.forEach(collect)
    case .string(let text) where !text.isEmpty && text.utf8.count <= 32:
      tokens.insert(text)
    case .number(let text):
      tokens.insert(text)
    default:
      break
    }
  }
  for seed in seeds where seed.target == "FuzzJSONReader" {
    if let json = ResponseBody(seed.bytes).json { collect(json) }
  }
  return tokens.sorted().map { token in
    var line = "\""
    for byte in token.utf8 {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): line += "\\" + String(UnicodeScalar(byte))
      case 0x20..<0x7F: line += String(UnicodeScalar(byte))
      default: line += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return line + "\""
  }
}

extension String {
  func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

func write(to directory: String) throws {
  let manager = FileManager.default
  let root = URL(fileURLWithPath: directory)
  let all = seeds()
  for seed in all {
    let folder = root.appendingPathComponent(seed.target)
    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(seed.bytes).write(to: folder.appendingPathComponent(seed.name))
  }
  let dictionary = dictionary(all).joined(separator: "\n") + "\n"
  try Data(dictionary.utf8).write(to: root.appendingPathComponent("fuzz.dict"))
  var counts: [String: Int] = [:]
  for seed in all { counts[seed.target, default: 0] += 1 }
  print("FuzzSeeds: " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
  let arguments = (0..<Int(argc.pointee)).compactMap { argv.pointee?[$0].map { String(cString: $0) } }
  guard arguments.count == 2 else {
    print("usage: FuzzSeeds <directory>")
    exit(2)
  }
  do {
    try write(to: arguments[1])
  } catch {
    print("FuzzSeeds: \(error)")
    exit(1)
  }
  exit(0)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt { 0 }
