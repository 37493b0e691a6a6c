/// Scanning eight bytes at a time (SWAR): finds the next byte that needs a look, so that string bodies,
/// most of a JSON document, are skipped in a few instructions per eight bytes.
enum ByteScan {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080
  static let quotes: UInt64 = 0x2222_2222_2222_2222
  static let backslashes: UInt64 = 0x5C5C_5C5C_5C5C_5C5C

  /// Non-zero when some byte of `word` is zero (exact as a test; the marked positions may be off).
  @inline(__always)
  static func zeroByte(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

  /// Non-zero when some byte of `word` is below `0x20`.
  @inline(__always)
  static func controlByte(_ word: UInt64) -> UInt64 { (word &- 0x2020_2020_2020_2020) & ~word & highs }

  /// The first index from `index` whose byte is a quote or a backslash, or, when there is none, the
  /// index where fewer than eight bytes remain. (The lowest byte a test marks is always a true match.)
  @inline(__always)
  static func skipStringBody(_ bytes: ByteView, from index: Int, end: Int) -> Int {
    var index = index
    while index + 8 <= end {
      let word = bytes.word(at: index)
      let mask = zeroByte(word ^ quotes) | zeroByte(word ^ backslashes)
      if mask != 0 { return index + mask.trailingZeroBitCount >> 3 }
      index += 8
    }
    return index
  }

  /// As ``skipStringBody(_:from:end:)``, also stopping at control bytes, and adding to `high` the bytes
  /// looked at (a byte at or above `0x80` beyond the string's end belongs to a later string, or makes the
  /// document invalid).
  @inline(__always)
  static func validateStringBody(_ bytes: ByteView, from index: Int, end: Int, high: inout UInt64) -> Int {
    var index = index
    while index + 8 <= end {
      let word = bytes.word(at: index)
      high |= word
      let mask = zeroByte(word ^ quotes) | zeroByte(word ^ backslashes) | controlByte(word)
      if mask != 0 { return index + mask.trailingZeroBitCount >> 3 }
      index += 8
    }
    return index
  }
}
