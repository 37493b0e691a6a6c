/// Byte-level text helpers the classifiers need, written here so that the core links neither Foundation nor
/// the standard library's string-processing module (`String.contains(_:)` on strings lives there, with
/// Regex: about 0.9 MB in a static build) and needs no API newer than the declared platforms
/// (`String(validating:as:)` needs macOS 15).
package enum UTF8Text {
  /// The value of a hexadecimal digit, either case: JSON's `\\u` escapes and percent-encoding read it.
  @inlinable @inline(__always)
  package static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
  }

  /// `bytes` as a string when they are valid UTF-8, else `nil`: decoding valid UTF-8 gives the same bytes
  /// back, and decoding anything else replaces what is invalid with U+FFFD, which changes them.
  package static func validated(_ bytes: some Collection<UInt8>) -> String? {
    let text = String(decoding: bytes, as: UTF8.self)
    return text.utf8.elementsEqual(bytes) ? text : nil
  }

  /// Whether `needle`'s bytes occur in `haystack`'s (an empty needle occurs everywhere).
  package static func contains(_ haystack: some Collection<UInt8>, _ needle: some Collection<UInt8>) -> Bool {
    let haystack = Array(haystack)
    let needle = Array(needle)
    guard let first = needle.first else { return true }
    guard haystack.count >= needle.count else { return false }
    var index = 0
    let last = haystack.count - needle.count
    while index <= last {
      if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
      index += 1
    }
    return false
  }

  /// `byte` with ASCII `A`–`Z` lowered; every other byte as it is.
  package static func asciiLowered(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
  }
}
