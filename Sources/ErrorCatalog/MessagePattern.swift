/// A provider message with named placeholders, such as `SKILL_ID {skillID} DOES NOT EXIST IN YOUR OPERATION.`
///
/// Matching follows ``MessageNormalization`` (white space, trailing punctuation, ASCII case) and captures
/// each placeholder's text. It runs in one pass over the message with no regular-expression engine: each
/// literal part is searched for once, left to right, and the last literal part must end the message.
package struct MessagePattern: Sendable, Hashable, CustomStringConvertible {
  enum Segment: Sendable, Hashable {
    case literal([UInt8])
    case placeholder(String)
  }

  let segments: [Segment]
  /// The pattern as written.
  package let template: String

  /// Whether `template` has no placeholder, found without parsing it: the same answer as
  /// `!MessagePattern(template).hasPlaceholders` (normalising white space cannot make or break a `{name}`).
  package static func isLiteral(_ template: String) -> Bool {
    var open = false
    var nameLength = 0
    for byte in template.utf8 {
      if byte == UInt8(ascii: "{") {
        open = true
        nameLength = 0
      } else if open, byte == UInt8(ascii: "}") {
        if nameLength > 0 { return false }
        open = false
      } else if open {
        let isNameByte =
          (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
          || byte == UInt8(ascii: "_")
        if isNameByte { nameLength += 1 } else { open = false }
      }
    }
    return true
  }

  /// Parses a template. Text between `{` and `}` made of letters, digits and `_` is a placeholder; any
  /// other brace is literal text.
  package init(_ template: String) {
    self.template = template
    let bytes = MessageNormalization.normalizedBytes(template.utf8)
    var segments: [Segment] = []
    var literal: [UInt8] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "{"), let close = Self.placeholderEnd(in: bytes, from: index + 1) {
        if !literal.isEmpty {
          segments.append(.literal(literal))
          literal = []
        }
        let name = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
        // Two adjacent placeholders cannot be told apart; the second one would always be empty.
        if case .placeholder = segments.last {
          segments.append(.literal([]))
        }
        segments.append(.placeholder(name))
        index = close + 1
      } else {
        literal.append(bytes[index])
        index += 1
      }
    }
    if !literal.isEmpty { segments.append(.literal(literal)) }
    self.segments = segments
  }

  private static func placeholderEnd(in bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "}") { return index > start ? index : nil }
      let isNameByte =
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        || byte == UInt8(ascii: "_")
      if !isNameByte { return nil }
      index += 1
    }
    return nil
  }

  /// The names of the placeholders, in order.
  package var placeholderNames: [String] {
    segments.compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
  }

  /// Whether the pattern has any placeholder.
  package var hasPlaceholders: Bool { !placeholderNames.isEmpty }

  /// The pattern's first word, upper-cased, when the pattern starts with a whole literal word (the word is
  /// followed by a space inside the literal); `nil` when it starts with a placeholder or a partial word.
  var firstLiteralWord: String? {
    guard case .literal(let bytes)? = segments.first, let space = bytes.firstIndex(of: 0x20), space > 0 else {
      return nil
    }
    return MessageNormalization.lookupKey(bytes: Array(bytes[..<space]))
  }

  /// The lookup key of a pattern without placeholders (see ``MessageNormalization/lookupKey(_:)``).
  var literalKey: String? {
    guard !hasPlaceholders else { return nil }
    if case .literal(let bytes)? = segments.first { return MessageNormalization.lookupKey(bytes: bytes) }
    return ""
  }

  /// The captured placeholder values when `message` matches, or `nil`.
  package func match(_ message: String) -> [String: String]? {
    ByteView.of(MessageNormalization.normalizedBytes(message.utf8)) { match(normalized: $0) }
  }

  /// Matches already normalised bytes.
  func match(normalized message: ByteView) -> [String: String]? {
    var captures: [String: String] = [:]
    var position = 0
    var pendingPlaceholder: String?
    for (offset, segment) in segments.enumerated() {
      switch segment {
      case .placeholder(let name):
        pendingPlaceholder = name
      case .literal(let literal):
        let isLast = offset == segments.count - 1
        let found: Int?
        if let name = pendingPlaceholder {
          // A placeholder must capture at least one byte.
          let from = position + 1
          if isLast {
            let start = message.count - literal.count
            found = start >= from && Self.equalsFoldingCase(message, at: start, literal) ? start : nil
          } else {
            found = Self.firstIndex(of: literal, in: message, from: from)
          }
          guard let start = found else { return nil }
          guard let value = Self.capture(message, position..<start) else { return nil }
          captures[name] = value
          pendingPlaceholder = nil
        } else {
          guard Self.equalsFoldingCase(message, at: position, literal) else { return nil }
          found = position
          if isLast && position + literal.count != message.count { return nil }
        }
        position = (found ?? position) + literal.count
      }
    }
    if let name = pendingPlaceholder {
      guard position < message.count, let value = Self.capture(message, position..<message.count) else {
        return nil
      }
      captures[name] = value
    } else if position != message.count {
      return nil
    }
    return captures
  }

  private static func capture(_ message: ByteView, _ range: Range<Int>) -> String? {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, MessageNormalization.isSpace(message[lower]) { lower += 1 }
    while upper > lower, MessageNormalization.isSpace(message[upper - 1]) { upper -= 1 }
    guard lower < upper else { return nil }
    return message.string(lower..<upper)
  }

  private static func equalsFoldingCase(_ message: ByteView, at start: Int, _ literal: [UInt8])
    -> Bool
  {
    guard start >= 0, start + literal.count <= message.count else { return false }
    var index = 0
    while index < literal.count {
      if MessageNormalization.asciiUppercased(message[start + index])
        != MessageNormalization.asciiUppercased(literal[index])
      {
        return false
      }
      index += 1
    }
    return true
  }

  private static func firstIndex(of literal: [UInt8], in message: ByteView, from start: Int) -> Int? {
    guard !literal.isEmpty else { return start <= message.count ? start : nil }
    var index = start
    while index + literal.count <= message.count {
      if equalsFoldingCase(message, at: index, literal) { return index }
      index += 1
    }
    return nil
  }

  package var description: String { template }
}
