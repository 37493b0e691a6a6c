import ErrorCatalog
import Testing
import Wolkvox
import Yeastar

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
