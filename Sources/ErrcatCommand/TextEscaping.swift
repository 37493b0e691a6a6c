/// Makes provider data safe to print as one field of `errcat`'s text output: nothing a provider sends can
/// start a new line, move the cursor, change colours or reorder the text around it.
enum TextEscaping {
  /// `text` with a backslash written `\\`, line feed, carriage return and tab written `\n`, `\r`, `\t`, and
  /// every other control or formatting character that could change how a terminal shows the line written as
  /// `\u{…}` in hexadecimal: C0 and C1 controls, DEL (so escape sequences never reach the terminal), the
  /// Unicode line and paragraph separators, the bidirectional overrides and isolates, and every other
  /// invisible formatting character (zero-width spaces and joiners, U+FEFF, the soft hyphen, tag characters).
  static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if needsEscape(scalar) {
          out += "\\u{" + String(scalar.value, radix: 16) + "}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x5C, 0x00...0x1F, 0x7F...0x9F: true
    case 0x2028, 0x2029: true  // line and paragraph separators
    case 0x200E, 0x200F, 0x061C: true  // directional marks
    case 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional embeddings, overrides and isolates
    case 0x00...0xAC: false
    // Every other formatting character: invisible on screen, so it could hide or split a word (zero-width
    // spaces and joiners, U+FEFF, the soft hyphen, tag characters).
    default: scalar.properties.generalCategory == .format
    }
  }
}
