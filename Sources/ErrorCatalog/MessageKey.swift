/// A message's lookup key (see ``MessageNormalization/lookupKey(_:)``) read in place: hashed, compared and
/// tested without building the normalised text.
///
/// The normalised text of raw bytes is the bytes between the first byte that is not white space and the
/// last that is neither white space nor trailing punctuation, with each run of white space read as one
/// space; the key upper-cases its ASCII letters.
package enum MessageKey {
  /// The bounds of the normalised text inside `text`.
  @inline(__always)
  static func bounds(_ text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var lower = 0
    var upper = text.count
    while lower < upper, MessageNormalization.isSpace(text[lower]) { lower += 1 }
    while upper > lower,
      MessageNormalization.isSpace(text[upper - 1]) || MessageNormalization.isTrailingPunctuation(text[upper - 1])
    {
      upper -= 1
    }
    return lower..<upper
  }

  /// Calls `body` with each byte of the key of `text[bounds]`.
  @inline(__always)
  static func forEachKeyByte(_ text: UnsafeBufferPointer<UInt8>, _ bounds: Range<Int>, _ body: (UInt8) -> Bool) {
    var pendingSpace = false
    for index in bounds {
      let byte = text[index]
      if MessageNormalization.isSpace(byte) {
        pendingSpace = true
        continue
      }
      if pendingSpace {
        guard body(0x20) else { return }
        pendingSpace = false
      }
      guard body(MessageNormalization.asciiUppercased(byte)) else { return }
    }
  }

  static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x100_0000_01b3

  @inline(__always)
  static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
    (hash ^ UInt64(byte)) &* prime
  }

  /// The FNV-1a hash of the key of `text[bounds]`.
  static func hash(_ text: UnsafeBufferPointer<UInt8>, _ bounds: Range<Int>) -> UInt64 {
    var hash = offsetBasis
    var pendingSpace = false
    for index in bounds {
      let byte = text[index]
      if MessageNormalization.isSpace(byte) {
        pendingSpace = true
        continue
      }
      if pendingSpace {
        hash = mix(hash, 0x20)
        pendingSpace = false
      }
      hash = mix(hash, MessageNormalization.asciiUppercased(byte))
    }
    return hash
  }

  /// The FNV-1a hash of a key already built.
  static func hash(key: [UInt8]) -> UInt64 {
    key.reduce(offsetBasis, mix)
  }

  /// Whether the key of `text[bounds]` is `key`.
  static func equals(_ text: UnsafeBufferPointer<UInt8>, _ bounds: Range<Int>, key: [UInt8]) -> Bool {
    key.withUnsafeBufferPointer { key in
      var position = 0
      var pendingSpace = false
      for index in bounds {
        let byte = text[index]
        if MessageNormalization.isSpace(byte) {
          pendingSpace = true
          continue
        }
        if pendingSpace {
          guard position < key.count, key[position] == 0x20 else { return false }
          position += 1
          pendingSpace = false
        }
        guard position < key.count, key[position] == MessageNormalization.asciiUppercased(byte) else { return false }
        position += 1
      }
      return position == key.count
    }
  }

  /// Whether the normalised text is empty or `null` in any letter case.
  @usableFromInline
  package static func isBlankOrNull(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let bounds = bounds(text)
    guard bounds.count == 4 else { return bounds.isEmpty }
    return MessageNormalization.asciiUppercased(text[bounds.lowerBound]) == UInt8(ascii: "N")
      && MessageNormalization.asciiUppercased(text[bounds.lowerBound + 1]) == UInt8(ascii: "U")
      && MessageNormalization.asciiUppercased(text[bounds.lowerBound + 2]) == UInt8(ascii: "L")
      && MessageNormalization.asciiUppercased(text[bounds.lowerBound + 3]) == UInt8(ascii: "L")
  }

  /// The normalised text as a string (letter case kept).
  package static func normalizedString(_ text: UnsafeBufferPointer<UInt8>) -> String {
    let bounds = bounds(text)
    var simple = true
    var previousSpace = false
    for index in bounds {
      let byte = text[index]
      let space = MessageNormalization.isSpace(byte)
      if space && (byte != 0x20 || previousSpace) {
        simple = false
        break
      }
      previousSpace = space
    }
    if simple { return String(decoding: UnsafeBufferPointer(rebasing: text[bounds]), as: UTF8.self) }
    return String(decoding: MessageNormalization.normalizedBytes(text), as: UTF8.self)
  }

  /// Calls `body` with the normalised text (letter case kept): the bytes in place when they are already
  /// normalised (single spaces only), else a normalised copy.
  static func withNormalized<R>(
    _ text: UnsafeBufferPointer<UInt8>, _ bounds: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    var previousSpace = false
    for index in bounds {
      let byte = text[index]
      let space = MessageNormalization.isSpace(byte)
      if space && (byte != 0x20 || previousSpace) {
        return normalizedBytes(text).withUnsafeBufferPointer(body)
      }
      previousSpace = space
    }
    return body(UnsafeBufferPointer(rebasing: text[bounds]))
  }

  /// The normalised bytes (letter case kept), built.
  static func normalizedBytes(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    MessageNormalization.normalizedBytes(text)
  }

  /// Whether the normalised text is `failed` in any letter case (a status word).
  package static func isFailed(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let bounds = bounds(text)
    guard bounds.count == 6 else { return false }
    var matches = true
    var index = 0
    let word: StaticString = "FAILED"
    word.withUTF8Buffer { word in
      forEachKeyByte(text, bounds) { byte in
        guard byte == word[index] else {
          matches = false
          return false
        }
        index += 1
        return true
      }
    }
    return matches && index == 6
  }
}
