/// Normalises provider messages so that cosmetic differences do not defeat a lookup.
///
/// Runs of white space become one space, leading and trailing white space goes, and so does trailing
/// punctuation (`.`, `!`, `,`, `;`, `:`). Letter case is kept, so values captured from a message keep
/// theirs; comparisons fold ASCII case instead (provider messages are ASCII, and folding ASCII only keeps
/// byte offsets stable).
@usableFromInline
package enum MessageNormalization {
  /// The normalised UTF-8 bytes of `message`.
  package static func normalizedBytes(_ message: some Sequence<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(message.underestimatedCount)
    var pendingSpace = false
    for byte in message {
      if isSpace(byte) {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(0x20)
        pendingSpace = false
      }
      out.append(byte)
    }
    while let last = out.last, isTrailingPunctuation(last) || isSpace(last) {
      out.removeLast()
    }
    return out
  }

  /// The normalised message as a string.
  package static func normalize(_ message: String) -> String {
    String(decoding: normalizedBytes(message.utf8), as: UTF8.self)
  }

  /// The key used for hashed lookups: the normalised message with ASCII letters upper-cased.
  package static func lookupKey(_ message: String) -> String {
    lookupKey(bytes: normalizedBytes(message.utf8))
  }

  /// ``lookupKey(_:)``'s bytes, written in one pass into one array: tables build a key for every entry when
  /// a program first classifies, so this is start-up time.
  package static func lookupKeyBytes(_ message: String) -> [UInt8] {
    var message = message
    return message.withUTF8 { text in
      [UInt8](unsafeUninitializedCapacity: text.count) { out, count in
        var length = 0
        var pendingSpace = false
        for byte in text {
          if isSpace(byte) {
            pendingSpace = length > 0
            continue
          }
          if pendingSpace {
            out[length] = 0x20
            length += 1
            pendingSpace = false
          }
          out[length] = asciiUppercased(byte)
          length += 1
        }
        while length > 0, isTrailingPunctuation(out[length - 1]) || isSpace(out[length - 1]) { length -= 1 }
        count = length
      }
    }
  }

  /// The lookup key of already normalised bytes.
  static func lookupKey(bytes: [UInt8]) -> String {
    String(decoding: bytes.map(asciiUppercased), as: UTF8.self)
  }

  @inlinable @inline(__always)
  package static func asciiUppercased(_ byte: UInt8) -> UInt8 {
    (byte >= 0x61 && byte <= 0x7A) ? byte - 0x20 : byte
  }

  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool {
    // Most bytes are above the space: one comparison rules them out.
    byte <= 0x20 && (byte == 0x20 || (byte >= 0x09 && byte <= 0x0D))
  }

  @inline(__always)
  static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
    byte == 0x2E || byte == 0x21 || byte == 0x2C || byte == 0x3B || byte == 0x3A
  }
}
