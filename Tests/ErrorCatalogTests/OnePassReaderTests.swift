import Testing
import Wolkvox
import Yeastar

@testable import ErrorCatalog

/// The in-place reader classifiers use (``JSONDocument``, ``JSONView``, ``MessageKey``) must agree with the
/// tree reader (``JSONReader``) on every body: what is JSON, what each member holds, and how a message is keyed.
@Suite("One-pass reading")
struct OnePassReaderTests {
  static let documents: [[UInt8]] =
    HostileBodies.small.map(\.body) + [
      HostileBodies.nestedArrays, HostileBodies.nestedObjects,
      Array((String(repeating: "[", count: 64) + String(repeating: "]", count: 64)).utf8),
      Array((String(repeating: "[", count: 65) + String(repeating: "]", count: 65)).utf8),
      Array((String(repeating: #"{"a":"#, count: 64) + "1" + String(repeating: "}", count: 64)).utf8),
      Array((String(repeating: #"{"a":"#, count: 65) + "1" + String(repeating: "}", count: 65)).utf8),
      Array(#"{"\u0063ode":"4\u00303","MSG":" token  limit exceeded. ","msg":"null"}"#.utf8),
      Array(#" {"a" : [1, -0, 0.50, 1e3, 2E-2, true, false, null, "x\n\"\\\/\b\f\r\t"] } "#.utf8),
      Array(#"{"a":01,"b":-,"c":1.,"d":1e}"#.utf8), Array(#"{"a":1,}"#.utf8), Array(#"[1,]"#.utf8),
      Array(#"{"a" 1}"#.utf8), Array(#"{"a":"\x"}"#.utf8), Array(#"{"a":"\u12"}"#.utf8), Array("\"\u{1}\"".utf8),
      [0xEF, 0xBB, 0xBF] + Array(#"{"code":403}"#.utf8), Array(#""[1,2]""#.utf8), Array("tru".utf8),
    ] + Wolkvox.Code.table.entries.map(\.sample.bodyBytes) + Yeastar.Code.table.entries.map(\.sample.bodyBytes)

  @Test("Validation accepts exactly what the tree reader parses, depth limit included")
  func validationAgrees() {
    for bytes in Self.documents {
      let body = ResponseBody(bytes)
      #expect((body.document != nil) == (body.json != nil), "\(body.text.prefix(80))")
      #expect(body.isJSON == (body.json != nil))
    }
  }

  @Test(
    "Numbers follow RFC 8259: an integer part of 0 or starting with 1-9 (leading zeros are not JSON)",
    arguments: [
      ("0", true), ("-0", true), ("0.5", true), ("-0.25e3", true), ("10004", true), ("0e1", true), ("100", true),
      ("010004", false), ("00", false), ("-01", false), ("0403", false), ("00.5", false), ("-00", false),
      ("01e2", false),
    ])
  func leadingZeros(number: String, isJSON: Bool) {
    for text in [number, #"{"errcode":\#(number),"errmsg":"TOKEN EXPIRED"}"#, "[1,\(number)]"] {
      let body = ResponseBody(text)
      #expect((body.json != nil) == isJSON, "\(text)")
      #expect((body.document != nil) == isJSON, "\(text)")
    }
    // Yeastar's token-expired code written with a leading zero is not that code: the body is not JSON.
    let yeastar = Yeastar.classify(status: 200, body: #"{"errcode":\#(number),"errmsg":"x"}"#)
    if !isJSON { #expect(yeastar.error?.isRecognized != true, "\(number)") }
  }

  @Test("Members, texts and codes read in place equal the tree's")
  func membersAgree() {
    let keys: [StaticString] = ["code", "msg", "errcode", "errmsg", "a", "error", "status_code"]
    for bytes in Self.documents {
      let body = ResponseBody(bytes)
      guard let tree = body.json, let document = body.document else { continue }
      document.withRoot { view in
        for key in keys {
          let expected = tree.member(key.description)
          let actual = view.member(key)
          #expect((expected == nil) == (actual == nil), "\(key) in \(body.text.prefix(80))")
          #expect(expected?.scalarText == actual?.scalarText)
          #expect(expected?.messageText == actual?.messageText)
          #expect(expected?.intValue == actual?.intValue)
        }
      }
    }
  }

  /// Objects at the edge of what validation records: 16 and 17 members, nested and empty values, escaped
  /// and repeated keys, white space everywhere.
  static let recordedEdges: [[UInt8]] = [
    Array(("{" + (0..<16).map { #""k\#($0)":\#($0)"# }.joined(separator: ",") + "}").utf8),
    Array(("{" + (0..<17).map { #""k\#($0)":\#($0)"# }.joined(separator: ",") + "}").utf8),
    Array(#" { "code" : { "a" : [ 1 , { } ] } , "msg" : [ ] , "error" : { } , "m\u0073g" : "x" , "code" : -0 } "#.utf8),
    Array(#"{"a":{},"b":[],"c":"","d":null,"e":true,"f":false,"g":1.5e3,"h":{"i":{"j":[{}]}}}"#.utf8),
    Array(#"{}"#.utf8), Array(#"[{"code":1}]"#.utf8),
    // Longer than a short document: read in place with the table of container ends on the stack.
    Array(
      ("{"
        + (0..<40).map { #""k\#($0)":{"a":[\#($0),{"b":"x"}],"c":"\#(String(repeating: "y", count: $0))"}"# }
        .joined(separator: ",") + #","code":403,"msg":"TOKEN LIMIT EXCEEDED"}"#).utf8),
    // More containers than the in-place table holds: those after it are walked over.
    Array(
      (#"{"a":["# + Array(repeating: "{}", count: 200).joined(separator: ",")
        + #"],"b":{"c":[1,{"d":"e"}]},"code":403,"msg":"TOKEN LIMIT EXCEEDED"}"#).utf8),
    // A body encoded twice, longer than a short document: its inner document is read.
    Array(
      (#""{\"code\":403,\"msg\":\"TOKEN LIMIT EXCEEDED\",\"pad\":\""# + String(repeating: "z", count: 600) + #"\"}""#)
        .utf8),
  ]

  @Test("Members recorded while validating a short body equal the members walked in a stored document")
  func recordedMembersAgree() {
    var recorded = 0
    for bytes in Self.documents + Self.recordedEdges {
      let body = ResponseBody(bytes)
      guard let document = body.document else { continue }
      func members(_ view: JSONView) -> [String] {
        var found: [String] = []
        view.forEachMember { key, value in
          found.append("\(key.plainLength ?? -1) \(value.kind) \(value.scalarText ?? "-") \(value.messageText ?? "-")")
        }
        return found
      }
      let walked = document.withRoot { (members($0), $0.member("code", "msg", "error")?.messageText) }
      let inPlace = JSONDocument.withRoot(of: bytes) { view in
        if view.hasRecordedMembers { recorded += 1 }
        return (members(view), view.member("code", "msg", "error")?.messageText)
      }
      #expect(inPlace?.0 == walked.0, "\(body.text.prefix(80))")
      #expect(inPlace?.1 == walked.1, "\(body.text.prefix(80))")
    }
    // Most bodies are short objects: validation recorded their members.
    #expect(recorded > Self.documents.count / 2)
  }

  @Test("Escapes decode to the characters they stand for, surrogate pairs and lone surrogates included")
  func escapesDecode() {
    let bytes = Array(#"{"a":"x\n\"\\\/\b\f\r\t\u00e9\ud83d\ude00\ud800z"}"#.utf8)
    let expected = "x\n\"\\/\u{8}\u{C}\r\t\u{E9}\u{1F600}\u{FFFD}z"
    #expect(ResponseBody(bytes).json?.member("a")?.messageText == expected)
    #expect(JSONDocument.withRoot(of: bytes) { $0.member("a")?.messageText } == expected)
    #expect(ResponseBody(Array(#"{"a":"\u00e"}"#.utf8)).json == nil)
    #expect(ResponseBody(Array(#"{"a":"\q"}"#.utf8)).json == nil)
  }

  @Test("A message matches the same entry whether it arrives with odd spacing, case or punctuation")
  func messageKeys() {
    for entry in Wolkvox.Code.table.entries {
      let variants = [
        entry.message, "  " + entry.message.lowercased() + " .",
        entry.message.replacingOccurrences(of: " ", with: "\t\n "),
      ]
      let expected = Wolkvox.Code.table.match(message: entry.message)?.entry
      for variant in variants {
        #expect(Wolkvox.Code.table.match(message: variant)?.entry == expected, "\(variant)")
      }
    }
  }

  @Test("A message's key is hashed and compared in place, eight bytes at a time, exactly as when built")
  func messageKeysAgreeWithTheBuiltKey() {
    // Bytes around every boundary the eight-byte path tests: white space of each kind, letters at the ends
    // of the lower-case range and beside it, punctuation that is trimmed at the end, bytes above 0x7F.
    let alphabet: [UInt8] =
      Array("aAzZ`{@[m0 .:!".utf8) + [0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x20, 0x20, 0x1F, 0x00, 0x80, 0xC3, 0xFF]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for round in 0..<20_000 {
      let length = next(40)
      // Mostly letters and single spaces, as messages are; some rounds draw from every byte alike.
      let text: [UInt8] = (0..<length).map { _ in
        round % 4 == 0 || next(4) == 0 ? alphabet[next(alphabet.count)] : UInt8(ascii: "a") + UInt8(next(26))
      }
      let key = MessageNormalization.normalizedBytes(text).map(MessageNormalization.asciiUppercased)
      ByteView.of(text) { text in
        let bounds = MessageNormalization.bounds(text)
        #expect(MessageKey.hash(text, bounds) == MessageKey.hash(key: key), "\(Array(text))")
        #expect(MessageKey.equals(text, bounds, key: key), "\(Array(text))")
        guard !key.isEmpty else { return }
        // Any other key differs: one byte changed, one byte more, one byte fewer.
        var changed = key
        let position = next(changed.count)
        changed[position] = changed[position] == UInt8(ascii: "Q") ? UInt8(ascii: "R") : UInt8(ascii: "Q")
        #expect(!MessageKey.equals(text, bounds, key: changed), "\(Array(text))")
        #expect(!MessageKey.equals(text, bounds, key: key + [UInt8(ascii: "Q")]), "\(Array(text))")
        #expect(!MessageKey.equals(text, bounds, key: Array(key.dropLast())), "\(Array(text))")
      }
    }
  }

  @Test("Fields read lazily equal the same fields read from the tree")
  func lazyFields() {
    let body = Array(
      #"{"errcode":40002,"errmsg":"PARAMETER ERROR","invalid_param_list":[{"field":"name","value":"x","validation_type":"required"}],"call_id":"c1"}"#
        .utf8)
    let error = Yeastar.classify(status: 200, body: body).error
    #expect(error?.rawMessage == "PARAMETER ERROR")
    #expect(error?.parameters["invalidParam.0.field"] == "name")
    #expect(error?.parameters["invalidParams"] == "name (required)")
    #expect(error?.references["callID"] == "c1")
    #expect(error == Yeastar.classify(status: 200, body: body).error)
  }
}
