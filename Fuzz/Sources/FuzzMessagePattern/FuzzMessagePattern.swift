import FuzzSupport

@testable import ErrorCatalog

/// `MessagePattern.match` and `CatalogTable.match(message:)`. The input is a template, a NUL byte and a
/// message (without a NUL, the text is matched against itself). Templates are cut at 256 bytes: catalog
/// templates are short, and a long template against a long message is quadratic by design.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let input = inputBytes(data, size)
  let separator = input.firstIndex(of: 0) ?? input.endIndex
  let template = String(decoding: input[..<separator].prefix(256), as: UTF8.self)
  let message =
    separator == input.endIndex ? template : String(decoding: input[(separator + 1)...], as: UTF8.self)

  let normalized = MessageNormalization.normalize(message)
  guard MessageNormalization.normalize(normalized) == normalized else { violated("normalising twice changes it") }

  let pattern = MessagePattern(template)
  let names = pattern.placeholderNames
  let captures = pattern.match(message)

  // Matching ignores ASCII case, white space runs and trailing punctuation.
  guard (pattern.match(asciiUppercased(message)) == nil) == (captures == nil) else {
    violated("upper-casing the message changed whether it matches")
  }
  guard pattern.match(normalized) == captures else { violated("normalising the message changed the match") }

  if let captures {
    // Every placeholder captures some text of the message, trimmed.
    guard Set(captures.keys) == Set(names) else { violated("captured \(captures.keys.sorted()), names \(names)") }
    for (name, value) in captures {
      let bytes = Array(value.utf8)
      guard let first = bytes.first, let last = bytes.last, !isSpace(first), !isSpace(last) else {
        violated("placeholder \(name) captured \(value.debugDescription)")
      }
      if !value.unicodeScalars.contains("\u{FFFD}"), !contains(normalized.utf8, value.utf8) {
        violated("placeholder \(name) captured \(value.debugDescription), not in the message")
      }
    }
    // The template with the captured values filled in matches too.
    let filled = fill(MessageNormalization.normalize(template), captures)
    guard pattern.match(filled) != nil else {
      violated("the filled-in template \(filled.debugDescription) does not match")
    }
  }
  if names.isEmpty {
    // Without placeholders a pattern is its normalised text, compared ignoring ASCII case.
    let same = MessageNormalization.lookupKey(template) == MessageNormalization.lookupKey(message)
    guard (captures != nil) == same, captures?.isEmpty ?? true else { violated("a literal pattern matched wrongly") }
  }

  // A one-entry table finds the entry when the pattern matches or the message is the template, with the
  // pattern's captures; otherwise only when the message starts with the template's text and goes on past a
  // word boundary, the rest coming back as `detail`.
  let entry = CatalogEntry(
    provider: ProviderID(rawValue: "fuzz"), table: "fuzz", name: "fuzz", code: "1", status: nil, message: template,
    patterns: [template], explanation: "", remedy: "", category: .unknown, retry: .afterFix, fault: .unknown,
    sample: SampleResponse(kind: .response, status: nil, body: ""), source: CatalogSource(title: ""),
    delivery: .rejected, deliveryReason: "")
  let table = CatalogTable(provider: ProviderID(rawValue: "fuzz"), id: "fuzz", title: "", entries: [entry])
  let found = table.match(message: message)
  // Keys are compared as the table does, as strings (canonically equivalent text is equal).
  let templateKey = MessageNormalization.lookupKey(template)
  let messageKey = Array(MessageNormalization.lookupKey(message).utf8)
  if !normalized.isEmpty && (captures != nil || templateKey == String(decoding: messageKey, as: UTF8.self)) {
    guard let found, found.parameters == captures ?? [:] else {
      violated("table found \(String(describing: found?.parameters)), pattern captured \(String(describing: captures))")
    }
  } else if let found {
    let detail = Array(asciiUppercased(found.parameters["detail"] ?? "").utf8)
    let limit = min(messageKey.count - 1, templateKey.utf8.count * 4 + 8)
    guard found.parameters.keys.allSatisfy({ $0 == "detail" }), !templateKey.isEmpty, limit > 0,
      (1...limit).contains(where: { String(decoding: messageKey[..<$0], as: UTF8.self) == templateKey }),
      contains(messageKey, detail)
    else {
      violated("table matched \(found.parameters) without the pattern matching or the message extending it")
    }
  }
  return 0
}

func isSpace(_ byte: UInt8) -> Bool { [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains(byte) }

func asciiUppercased(_ text: String) -> String {
  String(decoding: text.utf8.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }, as: UTF8.self)
}

/// Replaces each `{name}` (letters, digits and `_`) that has a value; other braces stay as they are.
func fill(_ template: String, _ values: [String: String]) -> String {
  let bytes = Array(template.utf8)
  var out: [UInt8] = []
  var index = 0
  while index < bytes.count {
    if bytes[index] == UInt8(ascii: "{"), let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "}")),
      close > index + 1, bytes[(index + 1)..<close].allSatisfy(isNameByte),
      let value = values[String(decoding: bytes[(index + 1)..<close], as: UTF8.self)]
    {
      out += Array(value.utf8)
      index = close + 1
    } else {
      out.append(bytes[index])
      index += 1
    }
  }
  return String(decoding: out, as: UTF8.self)
}

func isNameByte(_ byte: UInt8) -> Bool {
  (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
}
