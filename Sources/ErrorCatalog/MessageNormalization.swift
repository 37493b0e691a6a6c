/// Normalises provider messages so that cosmetic differences do not defeat a lookup: the one place the rule
/// is written.
///
/// Runs of white space become one space, leading and trailing white space goes, and so does trailing
/// punctuation (`.`, `!`, `,`, `;`, `:`). Letter case is kept, so values captured from a message keep
/// theirs; comparisons fold ASCII case instead (provider messages are ASCII, and folding ASCII only keeps
/// byte offsets stable). A lookup key is the normalised text with its ASCII letters upper-cased.
///
/// Everything else reads text through ``bounds(_:)`` and ``forEachPiece(_:_:uppercased:_:)``: the built
/// forms here, and ``MessageKey``'s hashing and comparison in place.
@usableFromInline
package enum MessageNormalization {
  /// The bounds of the normalised text inside `text`: from the first byte that is not white space to the
  /// last that is neither white space nor trailing punctuation.
  @inline(__always)
  static func bounds(_ text: ByteView) -> Range<Int> {
    var lower = 0
    var upper = text.count
    while lower < upper, isSpace(text[lower]) { lower += 1 }
    while upper > lower, isSpace(text[upper - 1]) || isTrailingPunctuation(text[upper - 1]) { upper -= 1 }
    return lower..<upper
  }

  /// Calls `body` with the normalised text of `text[bounds]` in pieces: eight bytes at once (a
  /// little-endian word, `count` 8) where eight bytes of text are already normalised (no white space but
  /// single spaces), else one byte (`count` 1). In order, the pieces are the normalised bytes: each run of
  /// white space as one space, and, when `uppercased`, ASCII letters upper-cased (the lookup key).
  ///
  /// `bounds` must be ``bounds(_:)``: then every run of white space inside is followed by other bytes, so
  /// its one space can be given as soon as the run starts.
  @inline(__always)
  static func forEachPiece(
    _ text: ByteView, _ bounds: Range<Int>, uppercased: Bool,
    _ body: (_ piece: UInt64, _ count: Int) -> Bool
  ) {
    var index = bounds.lowerBound
    let end = bounds.upperBound
    // Whether the last byte given was a space, so that white space that follows is skipped.
    var afterSpace = false
    while index < end {
      if index + 8 <= end {
        let word = text.word(at: index)
        if let spaces = MessageKey.singleSpaces(word), !afterSpace || spaces & 0x80 == 0 {
          guard body(uppercased ? MessageKey.asciiUppercased(word) : word, 8) else { return }
          afterSpace = spaces >> 56 != 0
          index += 8
          continue
        }
      }
      let byte = text[index]
      index += 1
      if isSpace(byte) {
        if !afterSpace {
          guard body(0x20, 1) else { return }
          afterSpace = true
        }
        continue
      }
      guard body(UInt64(uppercased ? asciiUppercased(byte) : byte), 1) else { return }
      afterSpace = false
    }
  }

  /// The normalised bytes of `text`, built; upper-cased when `uppercased` (the lookup key).
  static func built(_ text: ByteView, uppercased: Bool) -> [UInt8] {
    let bounds = bounds(text)
    return ByteWriter.array(capacity: bounds.count) { out in
      var length = 0
      forEachPiece(text, bounds, uppercased: uppercased) { piece, pieceCount in
        var piece = piece
        for _ in 0..<pieceCount {
          out[length] = UInt8(truncatingIfNeeded: piece)
          piece >>= 8
          length += 1
        }
        return true
      }
      return length
    }
  }

  /// Whether `text[bounds]` is already normalised: its only white space is single spaces.
  @inline(__always)
  static func isNormalized(_ text: ByteView, _ bounds: Range<Int>) -> Bool {
    var previousSpace = false
    for index in bounds {
      let byte = text[index]
      let space = isSpace(byte)
      if space && (byte != 0x20 || previousSpace) { return false }
      previousSpace = space
    }
    return true
  }

  /// The normalised UTF-8 bytes of `message`.
  package static func normalizedBytes(_ message: some Sequence<UInt8>) -> [UInt8] {
    ByteView.of(contiguous: message) { built($0, uppercased: false) }
  }

  /// The normalised message as a string.
  package static func normalize(_ message: String) -> String {
    String(decoding: normalizedBytes(message.utf8), as: UTF8.self)
  }

  /// The key used for hashed lookups: the normalised message with ASCII letters upper-cased.
  package static func lookupKey(_ message: String) -> String {
    String(decoding: lookupKeyBytes(message), as: UTF8.self)
  }

  /// ``lookupKey(_:)``'s bytes.
  package static func lookupKeyBytes(_ message: String) -> [UInt8] {
    ByteView.of(message) { built($0, uppercased: true) }
  }

  /// The lookup key of already normalised bytes.
  static func lookupKey(bytes: [UInt8]) -> String {
    String(decoding: bytes.map(asciiUppercased), as: UTF8.self)
  }

  @inlinable @inline(__always)
  package static func asciiUppercased(_ byte: UInt8) -> UInt8 {
    (byte >= 0x61 && byte <= 0x7A) ? byte - 0x20 : byte
  }

  /// ASCII white space as `Character.isWhitespace` reads it: space, tab, LF, VT, FF, CR.
  @inlinable @inline(__always)
  package static func isSpace(_ byte: UInt8) -> Bool {
    // Most bytes are above the space: one comparison rules them out.
    byte <= 0x20 && (byte == 0x20 || (byte >= 0x09 && byte <= 0x0D))
  }

  @inline(__always)
  static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
    byte == 0x2E || byte == 0x21 || byte == 0x2C || byte == 0x3B || byte == 0x3A
  }
}
