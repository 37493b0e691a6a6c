/// A message's lookup key (see ``MessageNormalization/lookupKey(_:)``) read in place: hashed, compared and
/// tested without building the normalised text.
///
/// The normalised text of raw bytes is the bytes between the first byte that is not white space and the
/// last that is neither white space nor trailing punctuation, with each run of white space read as one
/// space; the key upper-cases its ASCII letters.
@usableFromInline
package enum MessageKey {
  /// Calls `body` with the key of `text[bounds]` in pieces (``MessageNormalization/forEachPiece(_:_:uppercased:_:)``,
  /// upper-cased).
  @inline(__always)
  static func forEachKeyPiece(
    _ text: ByteView, _ bounds: Range<Int>, _ body: (_ piece: UInt64, _ count: Int) -> Bool
  ) {
    MessageNormalization.forEachPiece(text, bounds, uppercased: true, body)
  }

  /// The high bits of the spaces (0x20) among eight bytes when these are their own key: no byte at or below
  /// the space but single spaces. Else `nil`.
  @inline(__always)
  static func singleSpaces(_ word: UInt64) -> UInt64? {
    let ones = ByteScan.ones
    let highs = ByteScan.highs
    // Bytes at or below 0x20, exactly: setting each byte's high bit keeps the subtraction within bytes.
    let low = ~((word | highs) &- 0x2121_2121_2121_2121) & ~word & highs
    let other = word ^ 0x2020_2020_2020_2020
    let spaces = ~((other | highs) &- ones) & ~other & highs
    guard low == spaces, spaces & (spaces >> 8) == 0 else { return nil }
    return spaces
  }

  /// Eight bytes with their lower-case ASCII letters (0x61...0x7A, bytes below 0x80 only) upper-cased.
  @inline(__always)
  static func asciiUppercased(_ word: UInt64) -> UInt64 {
    let seven = word & 0x7F7F_7F7F_7F7F_7F7F
    let atLeastA = (seven &+ 0x1F1F_1F1F_1F1F_1F1F) & ByteScan.highs
    let aboveZ = (seven &+ 0x0505_0505_0505_0505) & ByteScan.highs
    return word ^ ((atLeastA & ~aboveZ & ~word) >> 2)
  }

  /// Hashes a key fed in bytes or in words of eight bytes; feeding a word gives the same hash as feeding its
  /// eight bytes one by one (lowest first), so a key hashed from text in place and one already built agree.
  struct Hasher {
    var state: UInt64 = 0xcbf2_9ce4_8422_2325
    /// Up to seven bytes not yet mixed in, the first in the lowest byte.
    var pending: UInt64 = 0
    /// How many bytes are pending, times eight.
    var pendingBits: UInt64 = 0
    var length: UInt64 = 0

    @inline(__always)
    static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
      let product = (state ^ word) &* 0x9E37_79B9_7F4A_7C15
      return product ^ (product >> 29)
    }

    @inline(__always)
    mutating func add(_ byte: UInt8) {
      pending |= UInt64(byte) << pendingBits
      pendingBits += 8
      length += 1
      if pendingBits == 64 {
        state = Self.mix(state, pending)
        pending = 0
        pendingBits = 0
      }
    }

    @inline(__always)
    mutating func add(word: UInt64) {
      length += 8
      if pendingBits == 0 {
        state = Self.mix(state, word)
      } else {
        state = Self.mix(state, pending | word << pendingBits)
        pending = word >> (64 - pendingBits)
      }
    }

    @inline(__always)
    mutating func add(piece: UInt64, count: Int) {
      if count == 8 { add(word: piece) } else { add(UInt8(truncatingIfNeeded: piece)) }
    }

    /// The hash of the bytes added so far.
    @inline(__always)
    func finalized() -> UInt64 {
      var hash = Self.mix(Self.mix(state, pending), length)
      hash = (hash ^ (hash >> 32)) &* 0xD6E8_FEB8_6659_FD93
      return hash ^ (hash >> 32)
    }
  }

  /// The hash of the key of `text[bounds]`.
  static func hash(_ text: ByteView, _ bounds: Range<Int>) -> UInt64 {
    var hasher = Hasher()
    forEachKeyPiece(text, bounds) { piece, count in
      hasher.add(piece: piece, count: count)
      return true
    }
    return hasher.finalized()
  }

  /// The hash of a key already built.
  package static func hash(key: some Sequence<UInt8>) -> UInt64 {
    var hasher = Hasher()
    for byte in key { hasher.add(byte) }
    return hasher.finalized()
  }

  /// Whether the key of `text[bounds]` is `key`.
  static func equals(_ text: ByteView, _ bounds: Range<Int>, key: [UInt8]) -> Bool {
    ByteView.of(key) { equals(text, bounds, key: $0) }
  }

  /// Whether the key of `text[bounds]` is `key` (a table's key: string literals, read in place).
  static func equals(_ text: ByteView, _ bounds: Range<Int>, key: String) -> Bool {
    ByteView.ifContiguous(key) { equals(text, bounds, key: $0) } ?? equals(text, bounds, key: Array(key.utf8))
  }

  /// Whether the key of `text[bounds]` is the key whose bytes `key` holds.
  static func equals(_ text: ByteView, _ bounds: Range<Int>, key: ByteView) -> Bool {
    do {
      // Normalising never lengthens text, so shorter text cannot match. Text as long as the key is the key
      // when its bytes are the key's with some letters in lower case (a key has single spaces only, and no
      // byte upper-cases to a space); otherwise it may still be, with white space other than a space.
      if bounds.count < key.count { return false }
      if bounds.count == key.count, sameUppercased(text, from: bounds.lowerBound, key) { return true }
      var position = 0
      var equal = true
      forEachKeyPiece(text, bounds) { piece, count in
        if count == 8 {
          guard position + 8 <= key.count, key.word(at: position) == piece else {
            equal = false
            return false
          }
        } else {
          guard position < key.count, UInt64(key[position]) == piece else {
            equal = false
            return false
          }
        }
        position += count
        return true
      }
      return equal && position == key.count
    }
  }

  /// Whether `key.count` bytes of `text` from `start`, with ASCII letters upper-cased, are the bytes of `key`.
  @inline(__always)
  static func sameUppercased(_ text: ByteView, from start: Int, _ key: ByteView) -> Bool {
    let count = key.count
    var offset = 0
    while offset + 8 <= count {
      guard asciiUppercased(text.word(at: start + offset)) == key.word(at: offset) else { return false }
      offset += 8
    }
    while offset < count {
      guard MessageNormalization.asciiUppercased(text[start + offset]) == key[offset] else { return false }
      offset += 1
    }
    return true
  }

  /// Whether the normalised text is empty or `null` in any letter case.
  static func isBlankOrNull(_ text: ByteView) -> Bool {
    let bounds = MessageNormalization.bounds(text)
    guard bounds.count == 4 else { return bounds.isEmpty }
    return MessageNormalization.asciiUppercased(text[bounds.lowerBound]) == UInt8(ascii: "N")
      && MessageNormalization.asciiUppercased(text[bounds.lowerBound + 1]) == UInt8(ascii: "U")
      && MessageNormalization.asciiUppercased(text[bounds.lowerBound + 2]) == UInt8(ascii: "L")
      && MessageNormalization.asciiUppercased(text[bounds.lowerBound + 3]) == UInt8(ascii: "L")
  }

  /// A string's text as a code or short value: normalised, with blank and `null` (any letter case) giving
  /// `nil`; the rule of ``JSONValue/scalarText`` and of ``JSONView/scalarText`` for strings.
  package static func scalarText(_ text: String) -> String? {
    ByteView.of(text) { isBlankOrNull($0) ? nil : normalizedString($0) }
  }

  /// The normalised text as a string (letter case kept).
  static func normalizedString(_ text: ByteView) -> String {
    withNormalized(text, MessageNormalization.bounds(text)) { $0.string }
  }

  /// Calls `body` with the normalised text (letter case kept): the bytes in place when they are already
  /// normalised (single spaces only), else a normalised copy.
  static func withNormalized<R>(
    _ text: ByteView, _ bounds: Range<Int>, _ body: (ByteView) -> R
  ) -> R {
    if MessageNormalization.isNormalized(text, bounds) { return body(text.extracting(bounds)) }
    return ByteView.of(MessageNormalization.built(text, uppercased: false), body)
  }

  /// Whether the normalised text is `failed` in any letter case (a status word).
  static func isFailed(_ text: ByteView) -> Bool {
    equals(text, MessageNormalization.bounds(text), key: failedKey)
  }

  /// Whether the normalised text is `sent` in any letter case (a status word).
  static func isSent(_ text: ByteView) -> Bool {
    equals(text, MessageNormalization.bounds(text), key: sentKey)
  }

  /// The key of `"failed"`.
  private static let failedKey: [UInt8] = Array("FAILED".utf8)
  /// The key of `"sent"`.
  private static let sentKey: [UInt8] = Array("SENT".utf8)
}
