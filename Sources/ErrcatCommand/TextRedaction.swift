/// Free text from a provider (a message, a details string, a code) with credentials and personal data
/// masked, everything else (spacing included) kept. The README's "What errcat masks" lists the rules; in the
/// order they run:
///
/// 1. **Assignments.** A name that says it is a credential (``Redaction/isSecretName(_:)``), with or without
///    quotes around it, then `=`, `:`, `=>` or `:=` with any spacing, then its value: quoted (`"…"`, `'…'`,
///    `\"…\"`, up to the closing quote), bracketed (`[…]`, `{…}`), or bare (up to white space or one of
///    ``bareValueEnds``). The value is masked whatever its length. After `Authorization`, `Cookie` and
///    `Set-Cookie` a bare value runs to the end of the line (an `Authorization` scheme such as `Bearer` is
///    kept). Percent-encoding (`%3D`), HTML character references (`&quot;`) and JSON `\u0022` escapes are
///    read as the characters they stand for, so `token%3Dx` is an assignment too.
/// 2. **Credentials in URLs.** The user and password of `scheme://user:password@host` (every character but
///    the `:`), for any scheme (`https`, `redis`, `postgres`, …).
/// 3. **Schemes.** The word after `Bearer` or `Basic` (and after `Token`, `Digest`, `Negotiate`, `NTLM` once
///    the text has said `Authorization`), after any spacing (a no-break space, a line break), quotes or `=`.
/// 4. **E-mail addresses**, `@` or `%40`: the first character of the local part and the top-level domain
///    are kept (`john.smith@example.com` gives `j*********@*******.com`).
/// 5. **Phone numbers** (``phoneEnd(_:from:)``): all but the first three characters and the last two digits
///    become `*`.
/// 6. **Token-like words** (``Redaction/looksLikeToken(_:)``), whole or in parts.
struct TextRedaction {
  /// One character of the text as the rules read it: `decoded` is what a percent-encoding, character
  /// reference or `\u00XX` escape stands for (else the character itself), and `range` where it is in the text.
  struct Unit {
    var decoded: Unicode.Scalar
    var range: Range<Int>
  }

  /// Text still to be checked, or already final (a masked value, which later rules leave alone).
  private enum Piece {
    case open([Unicode.Scalar])
    case done(String)
  }

  private var pieces: [Piece]

  init(_ text: String) {
    pieces = [.open(Array(text.unicodeScalars))]
    apply(Self.assignments)
    apply(Self.urlCredentials)
    apply(Self.schemeCredentials)
    apply(Self.emails)
    apply(Self.phones)
    apply(Self.tokenWords)
  }

  var result: String {
    // Collected as scalars and made a string once: appending to one string through its scalar view and
    // through `+=` in turn copied it again and again (quadratic in the number of masked values).
    var scalars: [Unicode.Scalar] = []
    for piece in pieces {
      switch piece {
      case .open(let open): scalars += open
      case .done(let text): scalars += text.unicodeScalars
      }
    }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars)
    return String(out)
  }

  /// A rule's answer for one open piece: the ranges of its scalars to replace, and with what.
  private typealias Replacement = (range: Range<Int>, text: String)

  private mutating func apply(_ rule: ([Unicode.Scalar]) -> [Replacement]) {
    var out: [Piece] = []
    for piece in pieces {
      guard case .open(let scalars) = piece else {
        out.append(piece)
        continue
      }
      var position = 0
      for replacement in rule(scalars) where replacement.range.lowerBound >= position {
        if replacement.range.lowerBound > position {
          out.append(.open(Array(scalars[position..<replacement.range.lowerBound])))
        }
        out.append(.done(replacement.text))
        position = replacement.range.upperBound
      }
      if position < scalars.count { out.append(.open(Array(scalars[position...]))) }
    }
    pieces = out
  }

  private static func text(_ scalars: some Sequence<Unicode.Scalar>) -> String {
    var out = ""
    out.unicodeScalars.append(contentsOf: scalars)
    return out
  }

  private static func masked(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    Redaction.masked(text(scalars))
  }

  // MARK: Decoding

  /// The text's units: `%XX` (ASCII only), `&quot;`, `&apos;`, `&amp;`, `&lt;`, `&gt;`, `&#NN;`, `&#xHH;` and
  /// `\u00XX` each read as one character.
  static func units(_ scalars: [Unicode.Scalar]) -> [Unit] {
    var units: [Unit] = []
    units.reserveCapacity(scalars.count)
    var index = 0
    while index < scalars.count {
      if let (decoded, length) = decodedEscape(scalars, at: index) {
        units.append(Unit(decoded: decoded, range: index..<index + length))
        index += length
      } else {
        let scalar = scalars[index]
        // An invisible formatting character (a zero-width space, a soft hyphen) belongs to the character
        // before it, so that it cannot split a name, an address or a number from the rules' sight.
        if scalar.value > 0xAC, scalar.properties.generalCategory == .format, !units.isEmpty {
          units[units.count - 1].range = units[units.count - 1].range.lowerBound..<index + 1
          index += 1
          continue
        }
        // Fullwidth forms (`ｔｏｋｅｎ＝…`, `＋５５…`) are read as the ASCII characters they stand for.
        let decoded = (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
        units.append(Unit(decoded: decoded, range: index..<index + 1))
        index += 1
      }
    }
    return units
  }

  private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
    switch scalar {
    case "0"..."9": scalar.value - 0x30
    case "a"..."f": scalar.value - 0x61 + 10
    case "A"..."F": scalar.value - 0x41 + 10
    default: nil
    }
  }

  private static let namedReferences: [String: Unicode.Scalar] = [
    "quot": "\"", "apos": "'", "amp": "&", "lt": "<", "gt": ">",
  ]

  private static func decodedEscape(_ scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
    let first = scalars[index]
    if first == "%", index + 2 < scalars.count, let high = hexValue(scalars[index + 1]),
      let low = hexValue(scalars[index + 2]), high < 8
    {
      return Unicode.Scalar(high * 16 + low).map { ($0, 3) }
    }
    if first == "\\", index + 5 < scalars.count, scalars[index + 1] == "u" || scalars[index + 1] == "U" {
      var value: UInt32 = 0
      for offset in 2..<6 {
        guard let digit = hexValue(scalars[index + offset]) else { return nil }
        value = value * 16 + digit
      }
      guard value < 0x80, let scalar = Unicode.Scalar(value) else { return nil }
      return (scalar, 6)
    }
    if first == "&" {
      // At most `&#x10FFFF;`: ten characters.
      guard let semicolon = scalars[index..<min(scalars.count, index + 11)].firstIndex(of: ";") else { return nil }
      let name = text(scalars[(index + 1)..<semicolon])
      let length = semicolon - index + 1
      if let named = namedReferences[name.lowercased()] { return (named, length) }
      guard name.hasPrefix("#") else { return nil }
      let number = name.dropFirst()
      let value =
        number.first == "x" || number.first == "X" ? UInt32(number.dropFirst(), radix: 16) : UInt32(number)
      guard let value, value < 0x80, let scalar = Unicode.Scalar(value) else { return nil }
      return (scalar, length)
    }
    return nil
  }

  // MARK: Character classes

  private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

  private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    isASCIILetter(scalar) || isDigit(scalar) || (!scalar.isASCII && scalar.properties.isAlphabetic)
  }

  /// What a name is made of: letters, digits, `_`, `-`, `.`, `[` and `]` (`x-api-key`, `auth.token`,
  /// `user[password]`).
  private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
    isAlphanumeric(scalar) || scalar == "_" || scalar == "-" || scalar == "." || scalar == "[" || scalar == "]"
  }

  private static func isQuote(_ scalar: Unicode.Scalar) -> Bool { scalar == "\"" || scalar == "'" || scalar == "`" }

  /// Characters that end a bare (unquoted) value.
  static let bareValueEnds: Set<Unicode.Scalar> = [
    "&", ";", ",", "\"", "'", "`", "<", ">", "(", ")", "[", "]", "{", "}", "\\", "|",
  ]

  // MARK: 1. Assignments

  /// Names whose bare value is the rest of the line.
  private static func takesRestOfLine(_ name: String) -> Bool {
    let joined = Redaction.nameWords(name).joined()
    return joined.contains("authorization") || joined.contains("cookie")
  }

  /// `Authorization` schemes kept in front of a masked credential.
  private static let authorizationSchemes: Set<String> = [
    "bearer", "basic", "token", "digest", "negotiate", "ntlm", "oauth", "apikey", "hoba", "mutual", "dpop",
    "aws4-hmac-sha256",
  ]

  /// The next word at or after `index`: it starts with a unit `starts` accepts, at the text's start or
  /// after one `continues` does not accept, and runs while `continues` accepts.
  private static func nextWord(
    in units: [Unit], from index: Int, startingWith starts: (Unicode.Scalar) -> Bool,
    continuingWith continues: (Unicode.Scalar) -> Bool
  ) -> Range<Int>? {
    var start = index
    while start < units.count {
      if starts(units[start].decoded), start == 0 || !continues(units[start - 1].decoded) {
        var end = start
        while end < units.count, continues(units[end].decoded) { end += 1 }
        return start..<end
      }
      start += 1
    }
    return nil
  }

  private static func assignments(_ scalars: [Unicode.Scalar]) -> [Replacement] {
    let units = units(scalars)
    var out: [Replacement] = []
    var index = 0
    while let found = nextWord(in: units, from: index, startingWith: isNameScalar, continuingWith: isNameScalar) {
      index = found.lowerBound
      let nameEnd = found.upperBound
      let name = text(units[index..<nameEnd].map(\.decoded))
      if Redaction.isSecretName(name),
        let value = assignedValue(units, afterName: nameEnd, name: name)
          ?? elementValue(units, name: found)
      {
        let range = units[value.lowerBound].range.lowerBound..<units[value.upperBound - 1].range.upperBound
        out.append((range, masked(scalars[range])))
        index = value.upperBound
      } else {
        index = nameEnd
      }
    }
    return out
  }

  /// The text of an XML element named `name` (`<token>…</token>`): the units between its start tag and the
  /// next `<`, or `nil` when the name is not a start tag's.
  private static func elementValue(_ units: [Unit], name: Range<Int>) -> Range<Int>? {
    // The tag opens right before the name, or before a namespace prefix (`<wsse:Password`).
    var open = name.lowerBound - 1
    if open >= 0, units[open].decoded == ":" {
      open -= 1
      while open >= 0, isNameScalar(units[open].decoded) { open -= 1 }
    }
    guard open >= 0, units[open].decoded == "<", name.upperBound < units.count else { return nil }
    // Then `>`, or attributes up to it (`Type="…">`).
    var close = name.upperBound
    if units[close].decoded.properties.isWhitespace {
      while close < units.count, units[close].decoded != ">", units[close].decoded != "<" { close += 1 }
    }
    guard close < units.count, units[close].decoded == ">" else { return nil }
    let start = close + 1
    var end = start
    while end < units.count, units[end].decoded != "<" { end += 1 }
    return end > start ? start..<end : nil
  }

  /// The units of the value assigned after a name ending at `nameEnd`, or `nil` when no value follows.
  private static func assignedValue(_ units: [Unit], afterName nameEnd: Int, name: String) -> Range<Int>? {
    var index = nameEnd
    func skipSpace() { while index < units.count, units[index].decoded.properties.isWhitespace { index += 1 } }
    // A closing quote after the name, escaped or not: `"token"`, `\"token\"`.
    var probe = index
    while probe < units.count, units[probe].decoded == "\\" { probe += 1 }
    if probe < units.count, isQuote(units[probe].decoded) { index = probe + 1 }
    skipSpace()
    guard index < units.count, units[index].decoded == "=" || units[index].decoded == ":" else { return nil }
    index += 1
    if index < units.count, ["=", ">", ":"].contains(units[index].decoded) { index += 1 }
    skipSpace()
    guard index < units.count else { return nil }
    // A quoted value, escaped or not: up to the same quote behind as many backslashes (at least).
    var backslashes = 0
    probe = index
    while probe < units.count, units[probe].decoded == "\\" {
      backslashes += 1
      probe += 1
    }
    if probe < units.count, isQuote(units[probe].decoded) {
      let quote = units[probe].decoded
      let start = probe + 1
      var end = start
      var run = 0
      while end < units.count {
        let scalar = units[end].decoded
        if scalar == quote, backslashes == 0 ? run % 2 == 0 : run == backslashes { break }
        run = scalar == "\\" ? run + 1 : 0
        end += 1
      }
      // The backslashes in front of the closing quote belong to it.
      var valueEnd = end
      if end < units.count { valueEnd -= backslashes }
      return valueEnd > start ? start..<valueEnd : nil
    }
    let first = units[index].decoded
    if first == "[" || first == "{" || first == "<" || first == "(" {
      let close: Unicode.Scalar = ["[": "]", "{": "}", "<": ">", "(": ")"][first]!
      var depth = 0
      var end = index
      while end < units.count {
        if units[end].decoded == first { depth += 1 }
        if units[end].decoded == close {
          depth -= 1
          if depth == 0 {
            end += 1
            break
          }
        }
        end += 1
      }
      return index..<end
    }
    if takesRestOfLine(name) {
      var end = index
      while end < units.count, units[end].decoded != "\n", units[end].decoded != "\r" { end += 1 }
      while end > index, units[end - 1].decoded.properties.isWhitespace { end -= 1 }
      guard end > index else { return nil }
      // Keep a leading scheme (`Bearer`) when a credential follows it.
      var schemeEnd = index
      while schemeEnd < end, !units[schemeEnd].decoded.properties.isWhitespace { schemeEnd += 1 }
      let scheme = text(units[index..<schemeEnd].map(\.decoded)).lowercased()
      var credential = schemeEnd
      while credential < end, units[credential].decoded.properties.isWhitespace { credential += 1 }
      if authorizationSchemes.contains(scheme), credential < end { return credential..<end }
      return index..<end
    }
    var end = index
    while end < units.count, !units[end].decoded.properties.isWhitespace, !bareValueEnds.contains(units[end].decoded) {
      end += 1
    }
    return end > index ? index..<end : nil
  }

  // MARK: 2. Credentials in URLs

  /// The userinfo of each URL (`scheme://user:password@host`, `//user:password@host`, or with JSON's
  /// escaped slashes `https:\/\/…`), masked but for its `:`. The userinfo ends at a raw `@`: a
  /// percent-encoded one (`p%40ss`) is part of the password.
  private static func urlCredentials(_ scalars: [Unicode.Scalar]) -> [Replacement] {
    var out: [Replacement] = []
    var index = 0
    func isSlash(_ at: Int) -> Int? {
      guard at < scalars.count else { return nil }
      if scalars[at] == "/" { return 1 }
      if scalars[at] == "\\", at + 1 < scalars.count, scalars[at + 1] == "/" { return 2 }
      return nil
    }
    while index < scalars.count {
      guard let first = isSlash(index), let second = isSlash(index + first) else {
        index += 1
        continue
      }
      let start = index + first + second
      var end = start
      // The userinfo runs to a raw `@` before the authority's end: a raw `/`, `?`, `#`, a backslash, a
      // double quote, angle brackets, white space or the text's end.
      while end < scalars.count {
        let scalar = scalars[end]
        if scalar == "@" || scalar == "/" || scalar == "?" || scalar == "#" || scalar == "\\" || scalar == "\""
          || scalar == "<" || scalar == ">" || scalar.properties.isWhitespace
        {
          break
        }
        end += 1
      }
      index = max(end, index + 1)
      guard end < scalars.count, scalars[end] == "@", end > start else { continue }
      var masked = ""
      for scalar in scalars[start..<end] { masked.unicodeScalars.append(scalar == ":" ? ":" : "*") }
      out.append((start..<end, masked))
    }
    return out
  }

  // MARK: 3. Schemes

  private static let schemes: Set<String> = ["bearer", "basic"]
  private static let schemesAfterAuthorization: Set<String> = ["token", "digest", "negotiate", "ntlm"]

  private static func schemeCredentials(_ scalars: [Unicode.Scalar]) -> [Replacement] {
    let units = units(scalars)
    var out: [Replacement] = []
    var seenAuthorization = false
    var index = 0
    while let found = nextWord(in: units, from: index, startingWith: isASCIILetter, continuingWith: isAlphanumeric) {
      index = found.lowerBound
      let end = found.upperBound
      let word = text(units[index..<end].map(\.decoded)).lowercased()
      if word.contains("authorization") { seenAuthorization = true }
      index = end
      guard schemes.contains(word) || (seenAuthorization && schemesAfterAuthorization.contains(word)) else { continue }
      // The credential follows after any spacing (a no-break space or a line break too), an `=` or `:`,
      // opening quotes, and a backslash that escapes a quote.
      var start = end
      while start < units.count {
        let scalar = units[start].decoded
        guard
          scalar.properties.isWhitespace || scalar == "=" || scalar == ":" || isQuote(scalar) || scalar == "\\"
            || scalar == "+" || scalar == "<" || scalar == "(" || scalar == "[" || scalar == "|"
        else { break }
        start += 1
      }
      guard start > end else { continue }
      var stop = start
      while stop < units.count, !units[stop].decoded.properties.isWhitespace,
        !bareValueEnds.contains(units[stop].decoded), units[stop].decoded != "\\"
      {
        stop += 1
      }
      guard stop > start else { continue }
      let range = units[start].range.lowerBound..<units[stop - 1].range.upperBound
      out.append((range, masked(scalars[range])))
      index = stop
    }
    return out
  }

  // MARK: 4. E-mail addresses

  /// What an address's local part is made of: letters, digits and RFC 5322's other `atext` characters but
  /// `=` (which ends a name before it: `email=bob@example.com` keeps `email=`) and the quotes.
  private static func isLocalPartScalar(_ scalar: Unicode.Scalar) -> Bool {
    isAlphanumeric(scalar) || localPartPunctuation.contains(scalar)
  }

  private static let localPartPunctuation: Set<Unicode.Scalar> = [
    ".", "_", "+", "-", "!", "#", "$", "%", "&", "*", "/", "?", "^", "{", "|", "}", "~",
  ]

  private static func isDomainScalar(_ scalar: Unicode.Scalar) -> Bool { isAlphanumeric(scalar) || scalar == "-" }

  private static func emails(_ scalars: [Unicode.Scalar]) -> [Replacement] {
    let units = units(scalars)
    var out: [Replacement] = []
    var lastEnd = 0
    for at in units.indices where units[at].decoded == "@" && at >= lastEnd {
      var start = at
      while start > lastEnd, isLocalPartScalar(units[start - 1].decoded) { start -= 1 }
      while start < at, units[start].decoded == "." { start += 1 }
      guard start < at else { continue }
      // Labels separated by single dots; the last one (the top-level domain) has two letters or more.
      var labels: [Range<Int>] = []
      var index = at + 1
      while index < units.count {
        var end = index
        while end < units.count, isDomainScalar(units[end].decoded) { end += 1 }
        guard end > index else { break }
        labels.append(index..<end)
        guard end + 1 < units.count, units[end].decoded == ".", isDomainScalar(units[end + 1].decoded) else { break }
        index = end + 1
      }
      // The top-level domain is letters (or non-ASCII), or punycode (`xn--p1ai`).
      guard labels.count >= 2, let top = labels.last, top.count >= 2,
        units[top].allSatisfy({ isASCIILetter($0.decoded) || !$0.decoded.isASCII })
          || text(units[top].map(\.decoded)).lowercased().hasPrefix("xn--")
      else { continue }
      var masked = text(scalars[units[start].range])
      for unit in units[(start + 1)..<top.lowerBound] {
        let keep = unit.decoded == "@" || (unit.decoded == "." && unit.range.lowerBound > units[at].range.lowerBound)
        masked += keep ? text(scalars[unit.range]) : "*"
      }
      masked += text(scalars[units[top.lowerBound].range.lowerBound..<units[top.upperBound - 1].range.upperBound])
      out.append((units[start].range.lowerBound..<units[top.upperBound - 1].range.upperBound, masked))
      lastEnd = top.upperBound
    }
    return out
  }

  // MARK: 5. Phone numbers

  /// A group of a phone number candidate: its digits, whether it was in brackets, and the separator before it.
  struct PhoneGroup {
    var digits: Int
    var bracketed: Bool
    var separator: Unicode.Scalar?
    /// Whether the group starts with `0` (a trunk or international prefix when it is the first).
    var leadingZero = false
  }

  /// The digit groups of a phone number candidate starting at `start` (after its `+`, if any), and where
  /// each ends: at most as many as make 16 digits, so the work for one start is bounded whatever follows.
  static func phoneGroups(_ units: [Unit], from start: Int) -> (plus: Bool, groups: [PhoneGroup], ends: [Int]) {
    var index = start
    let plus = units[index].decoded == "+"
    if plus { index += 1 }
    var groups: [PhoneGroup] = []
    var groupEnds: [Int] = []
    var separator: Unicode.Scalar?
    var total = 0
    while index < units.count {
      var bracketed = false
      var groupStart = index
      if units[index].decoded == "(" {
        bracketed = true
        groupStart += 1
      }
      var end = groupStart
      while end < units.count, isDigit(units[end].decoded) { end += 1 }
      var digits = end - groupStart
      if bracketed {
        guard (1...4).contains(digits), end < units.count, units[end].decoded == ")" else { break }
        end += 1
      }
      guard digits > 0 else { break }
      if digits > 15 { digits = 16 }
      groups.append(
        PhoneGroup(
          digits: digits, bracketed: bracketed, separator: separator, leadingZero: units[groupStart].decoded == "0"))
      groupEnds.append(end)
      index = end
      // No number has more than 15 digits: groups beyond that cannot be part of one, and reading them all
      // would make a long run of digit groups cost the square of its length for each start.
      total += digits
      if total > 15 { break }
      // The next group follows a single separator (or directly a closing bracket).
      separator = nil
      guard index < units.count else { break }
      let next = units[index].decoded
      if bracketed, isDigit(next) { continue }
      guard isPhoneSeparator(next), index + 1 < units.count,
        isDigit(units[index + 1].decoded) || units[index + 1].decoded == "("
      else { break }
      separator = next
      index += 1
    }
    return (plus, groups, groupEnds)
  }

  /// Where a phone number starting at `start` ends, or `nil` when none starts there. A candidate is an
  /// optional `+`, then digit groups (an area code may be in brackets, `(11)`) separated by one space, dash
  /// or dot, with 7 to 15 digits in all, standing apart from letters and digits on both sides (a group right
  /// before `:` or `/` and then a letter, digit or `/` is a time, a date or a path, not part of the number).
  /// It is a phone number when
  ///
  /// - it starts with `+` (`+55 11 98765 4321`, `+1 (650) 555-1234`), or has a bracketed area code
  ///   (`(11) 98765-4321`);
  /// - or it is one group of 11 to 15 digits (`5511987654321`);
  /// - or its first group starts with `0` (a trunk or international prefix) and it has 9 digits or more, in
  ///   groups of at most 8, not all separated by dots (`07700 900123`, `0044 20 7946 0958`);
  /// - or it has several groups of at most 5 digits, each after the first of 2 digits or more, its last of 3
  ///   or more unless it has 4 groups or more (`011-98765-4321`, `650.555.1234`, `06 12 34 56 78`), and it is
  ///   not a date (`2024-01-15`, `15.01.2024`), a version with a one-digit part (`10.15.7`) or an IPv4
  ///   address (`192.168.10.20`).
  static func phoneEnd(_ units: [Unit], from start: Int) -> Int? {
    let (plus, groups, groupEnds) = phoneGroups(units, from: start)
    // The longest run of groups from the start that is a phone number: a group followed by a letter or digit
    // is part of a word, one followed by `:` or `/` is a time or a path, and numbers side by side
    // (`555-1234 2024`) may be more digits than one number has.
    var count = groups.count
    while count > 0 {
      let end = groupEnds[count - 1]
      if end < units.count {
        let next = units[end].decoded
        // `:` or `/` before a letter, digit or `/` makes a time (`10:30`), a date (`12/05`) or a path; before
        // a space or the end it is punctuation (`+5511987654321: not a WhatsApp user`).
        let after = end + 1 < units.count ? units[end + 1].decoded : nil
        let joined = (next == ":" || next == "/") && after.map { isAlphanumeric($0) || $0 == "/" } == true
        if isAlphanumeric(next) || next == "_" || joined {
          count -= 1
          continue
        }
      }
      if isPhone(groups[..<count], plus: plus) { return end }
      count -= 1
    }
    return nil
  }

  /// A space (any but a line break: a no-break space too), a dash (`-`, or a Unicode hyphen or dash) or a dot.
  private static func isPhoneSeparator(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "-" || scalar == "." || (0x2010...0x2015).contains(scalar.value)
      || (scalar.properties.isWhitespace && scalar != "\n" && scalar != "\r" && scalar != "\u{2028}"
        && scalar != "\u{2029}")
  }

  static func isPhone(_ groups: ArraySlice<PhoneGroup>, plus: Bool) -> Bool {
    let total = groups.reduce(0) { $0 + $1.digits }
    guard (7...15).contains(total) else { return false }
    if plus || groups.contains(where: \.bracketed) { return true }
    if groups.count == 1 { return total >= 11 }
    let sizes = groups.map(\.digits)
    // A national number written with its trunk or international prefix (`07700 900123`, `020 7946 0958`,
    // `0044 20 7946 0958`): nine digits or more, not all separated by dots.
    if groups[groups.startIndex].leadingZero, total >= 9, sizes.allSatisfy({ $0 <= 8 }),
      groups.dropFirst().contains(where: { $0.separator != "." })
    {
      return true
    }
    guard sizes.allSatisfy({ $0 <= 5 }), sizes.dropFirst().allSatisfy({ $0 >= 2 }) else { return false }
    guard sizes.last! >= 3 || groups.count >= 4 else { return false }
    let groups = Array(groups)
    let separators = Set(groups.dropFirst().compactMap(\.separator).map { $0 == "." || $0 == "/" ? $0 : "-" })
    if groups.count >= 3, separators.isSubset(of: ["-", ".", "/"]), groups[1].separator == groups[2].separator {
      if sizes[0] == 4, sizes[1] <= 2, sizes[2] <= 2 { return false }  // 2024-01-15
      if sizes[0] <= 2, sizes[1] <= 2, sizes[2] == 4 { return false }  // 15.01.2024
    }
    if separators == ["."] {
      if sizes.contains(1) { return false }  // 10.15.7
      if groups.count == 4, sizes.allSatisfy({ $0 <= 3 }) { return false }  // 192.168.10.20
    }
    return true
  }

  /// Whether a phone number may start after `scalar`: not inside a word, a number, a version or a path.
  private static func startsApart(_ scalar: Unicode.Scalar) -> Bool {
    !(isAlphanumeric(scalar) || ["_" as Unicode.Scalar, ".", "-", "/", "+", "(", ")"].contains(scalar))
  }

  private static func phones(_ scalars: [Unicode.Scalar]) -> [Replacement] {
    let units = units(scalars)
    var out: [Replacement] = []
    var index = 0
    while index < units.count {
      let scalar = units[index].decoded
      guard isDigit(scalar) || scalar == "+" || scalar == "(", index == 0 || startsApart(units[index - 1].decoded)
      else {
        index += 1
        continue
      }
      guard let end = phoneEnd(units, from: index) else {
        index += 1
        while index < units.count, isDigit(units[index].decoded) { index += 1 }
        continue
      }
      let digits = units[index..<end].filter { isDigit($0.decoded) }.count
      var masked = ""
      var seen = 0
      for (offset, unit) in units[index..<end].enumerated() {
        let original = text(scalars[unit.range])
        guard isDigit(unit.decoded) else {
          masked += original
          continue
        }
        seen += 1
        masked += offset < 3 || seen > digits - 2 ? original : "*"
      }
      out.append((units[index].range.lowerBound..<units[end - 1].range.upperBound, masked))
      index = end
    }
    return out
  }

  // MARK: 6. Token-like words

  private static let leadingPunctuation: Set<Unicode.Scalar> = ["(", "[", "{", "<", "\"", "'", "`"]
  private static let trailingPunctuation: Set<Unicode.Scalar> = [
    ")", "]", "}", ">", "\"", "'", "`", ".", ",", ";", ":", "!", "?",
  ]

  private static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
    isASCIILetter(scalar) || isDigit(scalar) || ["-" as Unicode.Scalar, "_", ".", "~", "+", "/", "="].contains(scalar)
  }

  /// Each word masked when token-like; else each run of token characters in it (split at other characters
  /// and at `%`), or the part of a run after its first `=` (`state=…`).
  private static func tokenWords(_ scalars: [Unicode.Scalar]) -> [Replacement] {
    var out: [Replacement] = []
    var index = 0
    while index < scalars.count {
      guard !scalars[index].properties.isWhitespace else {
        index += 1
        continue
      }
      var end = index
      while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
      var start = index
      while start < end, leadingPunctuation.contains(scalars[start]) { start += 1 }
      var stop = end
      while stop > start, trailingPunctuation.contains(scalars[stop - 1]) { stop -= 1 }
      if start < stop {
        if Redaction.looksLikeToken(text(scalars[start..<stop])) {
          out.append((start..<stop, masked(scalars[start..<stop])))
        } else {
          out.append(contentsOf: tokenRuns(scalars, start..<stop))
        }
      }
      index = end
    }
    return out
  }

  private static func tokenRuns(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> [Replacement] {
    var out: [Replacement] = []
    var index = range.lowerBound
    while index < range.upperBound {
      guard isTokenScalar(scalars[index]) else {
        // A percent-encoding separates runs whole (`%20`, not `%` and a run starting `20`).
        let escaped =
          scalars[index] == "%" && index + 2 < range.upperBound && hexValue(scalars[index + 1]) != nil
          && hexValue(scalars[index + 2]) != nil
        index += escaped ? 3 : 1
        continue
      }
      var end = index
      while end < range.upperBound, isTokenScalar(scalars[end]) { end += 1 }
      if end - index < range.count, Redaction.looksLikeToken(text(scalars[index..<end])) {
        out.append((index..<end, masked(scalars[index..<end])))
      } else if let equals = scalars[index..<end].firstIndex(of: "="), equals > index, equals + 1 < end,
        scalars[equals + 1] != "=", Redaction.looksLikeToken(text(scalars[(equals + 1)..<end]))
      {
        out.append(((equals + 1)..<end, masked(scalars[(equals + 1)..<end])))
      }
      index = end
    }
    return out
  }
}
