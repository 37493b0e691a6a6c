import ErrorCatalog

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A JSON value with ordered members, for `errcat --json` output.
indirect enum JSONOutput {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([JSONOutput])
  case object([(String, JSONOutput)])

  static func optional(_ text: String?) -> JSONOutput { text.map(JSONOutput.string) ?? .null }
  static func optional(_ number: Int?) -> JSONOutput { number.map(JSONOutput.int) ?? .null }

  /// Compact when `indent` is nil, else pretty-printed.
  func rendered(indent: Int? = nil) -> String {
    var out = ""
    write(into: &out, level: 0, indent: indent)
    return out
  }

  private func write(into out: inout String, level: Int, indent: Int?) {
    let newline = indent == nil ? "" : "\n"
    func pad(_ level: Int) -> String { indent.map { String(repeating: " ", count: $0 * level) } ?? "" }
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .int(let value): out += String(value)
    case .string(let value): out += Self.quoted(value)
    case .array(let values):
      if values.isEmpty {
        out += "[]"
        return
      }
      out += "[" + newline
      for (offset, value) in values.enumerated() {
        out += pad(level + 1)
        value.write(into: &out, level: level + 1, indent: indent)
        out += (offset < values.count - 1 ? "," : "") + newline
      }
      out += pad(level) + "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{" + newline
      for (offset, member) in members.enumerated() {
        out += pad(level + 1) + Self.quoted(member.0) + (indent == nil ? ":" : ": ")
        member.1.write(into: &out, level: level + 1, indent: indent)
        out += (offset < members.count - 1 ? "," : "") + newline
      }
      out += pad(level) + "}"
    }
  }

  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        // Every character text output escapes (C0, DEL, C1, line and paragraph separators, directional
        // marks, bidirectional embeddings, overrides and isolates, other invisible formatting characters) is
        // written as `\uXXXX`, so a log viewer shows what a terminal would; one beyond U+FFFF (a tag
        // character) as its UTF-16 surrogate pair, as JSON requires.
        if TextEscaping.needsEscape(scalar) {
          for unit in String(scalar).utf16 {
            let hex = String(unit, radix: 16)
            out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
          }
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

extension JSONOutput {
  /// What `JSONEncoder` writes for `value` (keys sorted), as a tree to render, so the library's `Encodable`
  /// conformances are the one source of the `--json` contract.
  static func encoded(_ value: some Encodable) throws -> JSONOutput {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    guard let tree = JSONReader.parse([UInt8](data)) else { throw EncodingFailure() }
    return JSONOutput(tree)
  }

  /// Mirrors a parsed JSON value; numbers become integers where they are integers.
  init(_ value: JSONValue) {
    switch value {
    case .null: self = .null
    case .bool(let flag): self = .bool(flag)
    case .number(let text): self = Int(text).map(JSONOutput.int) ?? .string(text)
    case .string(let text): self = .string(text)
    case .array(let values): self = .array(values.map(JSONOutput.init))
    case .object(let members): self = .object(members.map { ($0.key, JSONOutput($0.value)) })
    }
  }

  /// The encoder's output could not be read back, which would be a bug.
  struct EncodingFailure: Error, CustomStringConvertible {
    var description: String { "internal error: the JSON encoding could not be read back" }
  }
}
