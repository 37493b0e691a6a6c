import Foundation
import FuzzSupport

@testable import ErrorCatalog

/// `JSONReader.parse` and `ResponseBody.json`: what parses re-parses to the same value from its own
/// serialisation (plain, and with every non-ASCII character and `/` escaped), nests no deeper than the
/// limit, ignores surrounding white space and one byte-order mark, and answers every accessor. The
/// in-place reader classifiers use (`JSONDocument.withRoot(of:)`, which records a short body's top-level
/// members while validating it) accepts the same bodies and reads the same top-level members. Both accept
/// exactly the texts Foundation's `JSONSerialization` accepts, where the two are meant to agree (UTF-8 without
/// a byte-order mark, nesting within the limit, no lone surrogate escapes).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let input = inputBytes(data, size)
  let value = JSONReader.parse(input)
  if let value {
    let depth = nesting(value)
    guard depth <= JSONReader.maximumDepth else { violated("parsed \(depth) levels deep") }
    for escaped in [false, true] {
      let text = serialize(value, escapingNonASCII: escaped)
      guard let again = JSONReader.parse(text) else {
        violated("own serialisation does not parse: \(String(decoding: text.prefix(200), as: UTF8.self))")
      }
      guard again == value, again.hashValue == value.hashValue else {
        violated("serialise and parse again gave another value")
      }
    }
    var budget = 4096
    walk(value, budget: &budget)
  }
  if comparableWithFoundation(input) {
    let foundation = (try? JSONSerialization.jsonObject(with: Data(input), options: [.fragmentsAllowed])) != nil
    if foundation != (value != nil) {
      violated(
        "JSONSerialization \(foundation ? "accepts" : "rejects") what JSONReader \(value != nil ? "accepts" : "rejects")"
      )
    }
  }
  let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
  if !input.starts(with: byteOrderMark) {
    guard JSONReader.parse(byteOrderMark + input) == value else { violated("a byte-order mark changed the value") }
    guard JSONReader.parse([0x20, 0x0A] + input + [0x09, 0x0D, 0x20]) == value else {
      violated("surrounding white space changed the value")
    }
  }
  // The body reads the same JSON, unwrapping a string that holds an object or array once.
  var expected = value
  if case .string(let inner)? = value, let unwrapped = JSONReader.parse(inner) {
    switch unwrapped {
    case .object, .array: expected = unwrapped
    default: break
    }
  }
  guard ResponseBody(input).json == expected else { violated("ResponseBody.json differs from JSONReader.parse") }
  // Members are compared by their values, in order; a key's bytes are compared by the unit tests.
  let inPlace = JSONDocument.withRoot(of: input) { root -> [String] in
    var found: [String] = []
    root.forEachMember { _, member in found.append(describe(member)) }
    return found
  }
  guard (inPlace != nil) == (expected != nil) else { violated("the in-place reader and the tree disagree on JSON") }
  if case .object(let members)? = expected, inPlace != members.map({ describe($0.value) }) {
    violated("top-level members read in place differ from the tree's")
  }
  return 0
}

/// A member's value as both readers can describe it: its kind and its texts.
func describe(_ view: JSONView) -> String {
  "\(view.kind) \(view.scalarText ?? "-") \(view.messageText ?? "-")"
}

func describe(_ value: JSONValue) -> String {
  let kind: String
  switch value {
  case .object: kind = "object"
  case .array: kind = "array"
  case .string: kind = "string"
  case .number: kind = "number"
  case .bool: kind = "bool"
  case .null: kind = "null"
  }
  return "\(kind) \(value.scalarText ?? "-") \(value.messageText ?? "-")"
}

func nesting(_ value: JSONValue) -> Int {
  switch value {
  case .array(let values): 1 + (values.map(nesting).max() ?? 0)
  case .object(let members): 1 + (members.map { nesting($0.value) }.max() ?? 0)
  default: 0
  }
}

/// Calls every accessor on the first `budget` values; `member` must agree with the subscript.
func walk(_ value: JSONValue, budget: inout Int) {
  guard budget > 0 else { return }
  budget -= 1
  let scalar = value.scalarText
  _ = value.messageText
  if let number = value.intValue, scalar.flatMap({ Int($0) }) != number {
    violated("intValue \(number) is not the scalar text \(String(describing: scalar))")
  }
  if case .number = value, scalar == nil { violated("a number without scalar text") }
  switch value {
  case .array(let values):
    guard value.arrayValue == values, !value.isObject else { violated("array accessors") }
    for element in values.prefix(64) { walk(element, budget: &budget) }
  case .object(let members):
    guard value.isObject, value.arrayValue == nil else { violated("object accessors") }
    for member in members.prefix(64) {
      guard value[member.key] == value.member(member.key), value[member.key] != nil else {
        violated("member(\(member.key.debugDescription)) disagrees with the subscript")
      }
      walk(member.value, budget: &budget)
    }
  default:
    guard value.arrayValue == nil, !value.isObject else { violated("scalar accessors") }
  }
}

/// JSON text for a value.
func serialize(_ value: JSONValue, escapingNonASCII: Bool) -> [UInt8] {
  var out: [UInt8] = []
  serialize(value, escapingNonASCII: escapingNonASCII, into: &out)
  return out
}

func serialize(_ value: JSONValue, escapingNonASCII: Bool, into out: inout [UInt8]) {
  switch value {
  case .null: out += Array("null".utf8)
  case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
  case .number(let text): out += Array(text.utf8)
  case .string(let text): quote(text, escapingNonASCII: escapingNonASCII, into: &out)
  case .array(let values):
    out.append(UInt8(ascii: "["))
    for (index, element) in values.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      serialize(element, escapingNonASCII: escapingNonASCII, into: &out)
    }
    out.append(UInt8(ascii: "]"))
  case .object(let members):
    out.append(UInt8(ascii: "{"))
    for (index, member) in members.enumerated() {
      if index > 0 { out += Array(", ".utf8) }
      quote(member.key, escapingNonASCII: escapingNonASCII, into: &out)
      out += Array(" : ".utf8)
      serialize(member.value, escapingNonASCII: escapingNonASCII, into: &out)
    }
    out.append(UInt8(ascii: "}"))
  }
}

func quote(_ text: String, escapingNonASCII: Bool, into out: inout [UInt8]) {
  func escape(_ unit: UInt16) {
    let hex = Array("0123456789abcdef".utf8)
    out += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
    for shift in [12, 8, 4, 0] { out.append(hex[Int(unit >> UInt16(shift)) & 0xF]) }
  }
  out.append(UInt8(ascii: "\""))
  for scalar in text.unicodeScalars {
    switch scalar.value {
    case 0x22: out += Array("\\\"".utf8)
    case 0x5C: out += Array("\\\\".utf8)
    case 0x2F where escapingNonASCII: out += Array("\\/".utf8)
    case 0..<0x20: escape(UInt16(scalar.value))
    case 0x80... where escapingNonASCII:
      for unit in String(scalar).utf16 { escape(unit) }
    default: out += Array(String(scalar).utf8)
    }
  }
  out.append(UInt8(ascii: "\""))
}

/// Whether `JSONSerialization` is meant to give the same verdict as the reader on `input`: valid UTF-8
/// (Foundation also reads UTF-16 and UTF-32, and rejects invalid UTF-8 that the reader replaces), no
/// byte-order mark, no more brackets than the reader's depth limit, no escaped surrogate (the reader
/// replaces a lone one with U+FFFD; Foundation rejects it), no comma before a closing bracket (Foundation
/// accepts `[1,]` and `{"a":1,}`, which RFC 8259 does not), no exponent of three digits or more and no
/// number a `Double` cannot hold (Foundation rejects `1e999` and a run of 310 digits; to the reader a
/// number is text, any length).
func comparableWithFoundation(_ input: [UInt8]) -> Bool {
  guard String(validating: input, as: UTF8.self) != nil, !input.starts(with: [0xEF, 0xBB, 0xBF]) else {
    return false
  }
  guard input.count(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") }) <= JSONReader.maximumDepth else {
    return false
  }
  // A NUL among the first four bytes makes Foundation read UTF-16 or UTF-32.
  guard !input.prefix(4).contains(0) else { return false }
  func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
  func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  for index in input.indices {
    let byte = input[index]
    let rest = input[(index + 1)...]
    switch byte {
    case UInt8(ascii: "\\"):
      if rest.starts(with: [UInt8(ascii: "u")]), let third = rest.dropFirst().first, third | 0x20 == UInt8(ascii: "d") {
        return false
      }
    case UInt8(ascii: ","):
      if let next = rest.first(where: { !isSpace($0) }), next == UInt8(ascii: "]") || next == UInt8(ascii: "}") {
        return false
      }
    case UInt8(ascii: "e"), UInt8(ascii: "E"):
      let exponent = rest.drop { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }.prefix(while: isDigit)
      if exponent.count >= 3 { return false }
    default: break
    }
  }
  // Every run of number bytes, inside strings too (which only excludes more): one that overflows a Double
  // is a number Foundation rejects.
  func isNumberByte(_ byte: UInt8) -> Bool {
    isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
      || byte | 0x20 == UInt8(ascii: "e")
  }
  var start = input.startIndex
  while let first = input[start...].firstIndex(where: isNumberByte) {
    let end = input[first...].firstIndex { !isNumberByte($0) } ?? input.endIndex
    if let number = Double(String(decoding: input[first..<end], as: UTF8.self)), !number.isFinite { return false }
    start = end
  }
  return true
}
