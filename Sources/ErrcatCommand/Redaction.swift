import ErrorCatalog

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Hides credentials and personal data in what `errcat` prints, in text and in JSON alike, unless
/// `--reveal` is given. What is masked, and why, is listed in the README ("What errcat masks").
///
/// A value is masked by **where it sits**: under a name that says it is a credential (``isSecretName(_:)``),
/// or as the `value` next to a `field`/`name`/`key` that does (Yeastar's `invalid_param_list`, flattened
/// into parameters `invalidParam.0.field` and `invalidParam.0.value`). It is masked by **what it is**, under
/// any name: a word that looks like a token (``looksLikeToken(_:)``), the word
/// after `Bearer` or `Basic`, the value in `password=…` or `api_key: …` inside a text, and a phone number,
/// which is partly masked (``maskedPhone(_:)``). An identifier that would be masked is shown as a digest of
/// itself instead (``redactedIdentifier(_:name:)``), so that log lines stay correlatable.
enum Redaction {
  /// A masked value: says how long it was, never what it was.
  static func masked(_ value: String) -> String { "[redacted, \(value.count) characters]" }

  // MARK: Names

  /// Words that make a name a credential's wherever they appear in it (`reg_password`, `accessToken`,
  /// `x-api-key`, `clientSecret`).
  static let secretNameParts = [
    "password", "passwd", "passphrase", "secret", "token", "apikey", "authorization", "credential", "bearer",
    "signature", "cookie", "privatekey", "session", "sessid",
  ]
  /// Words that make a name a credential's when they are a whole word of it (`key`, `api_key`, `pin`, but
  /// not `keyword` or `spinner`).
  static let secretNameWords: Set<String> = [
    "key", "auth", "pass", "pwd", "pin", "pincode", "otp", "sid", "sig", "jwt", "hmac",
  ]

  /// Whether a member, parameter or field name says its value is a credential.
  static func isSecretName(_ name: String) -> Bool {
    let words = nameWords(name)
    guard !words.contains(where: secretNameWords.contains) else { return true }
    // Byte-wise: `String.contains(String)` goes through the generic string searcher, which made this the
    // hottest call of errcat's output (it runs for every word of every provider value).
    let joined = Array(words.joined().utf8)
    return secretNamePartBytes.contains { UTF8Text.contains(joined, $0) }
  }

  private static let secretNamePartBytes = secretNameParts.map { Array($0.utf8) }

  /// Names whose values are phone numbers (masked in part even without a leading `+`).
  static func isPhoneName(_ name: String) -> Bool {
    let words = nameWords(name)
    let phoneWords: Set<String> = [
      "phone", "msisdn", "mobile", "recipient", "to", "from", "sender", "destination", "number", "wa", "contact",
    ]
    return words.contains(where: phoneWords.contains) && !words.contains(where: ["time", "timestamp", "date"].contains)
  }

  /// A name split into lower-case words at punctuation and at changes of case (`invalidParam.0.field` gives
  /// `invalid`, `param`, `0`, `field`; `APIKey` gives `api`, `key`).
  static func nameWords(_ name: String) -> [String] {
    var words: [String] = []
    var current: [Character] = []
    let characters = Array(name)
    func flush() {
      if !current.isEmpty { words.append(String(current).lowercased()) }
      current = []
    }
    for (offset, character) in characters.enumerated() {
      guard character.isLetter || character.isNumber else {
        flush()
        continue
      }
      if let last = current.last {
        let next = offset + 1 < characters.count ? characters[offset + 1] : nil
        let lowerToUpper = last.isLowercase && character.isUppercase
        let acronymEnd = last.isUppercase && character.isUppercase && (next?.isLowercase ?? false)
        let letterDigit = last.isNumber != character.isNumber
        if lowerToUpper || acronymEnd || letterDigit { flush() }
      }
      current.append(character)
    }
    flush()
    return words
  }

  // MARK: Values

  /// A value found under `name`: masked whole when the name says it is a credential, partly masked when the
  /// name says it is a phone number and it looks like one, else with every token-like word, credential
  /// assignment and phone number inside it masked.
  static func redacted(_ value: String, name: String) -> String {
    if isSecretName(name) { return value.isEmpty ? value : masked(value) }
    if isPhoneName(name), let phone = maskedPhone(value, requirePlus: false) { return phone }
    if isIdentifierName(name) { return redactedIdentifier(value, name: name) }
    return redactedText(value)
  }

  /// Whether a name is an identifier's: its last word is `id` or `ids` (`messageID`, `request_id`,
  /// `fbtrace_id`, `messageIDs`), or it is GENIQ's `reference`.
  static func isIdentifierName(_ name: String) -> Bool {
    guard let last = nameWords(name).last else { return false }
    return last == "id" || last == "ids" || last == "reference"
  }

  /// An identifier as `errcat` prints it. Log lines must stay correlatable, so an identifier that would be
  /// masked (a WhatsApp message id holds the recipient's number in base64; others look like tokens) is shown
  /// as a short digest of itself, the same in every line and every run (``digest(_:)``). A trace id (Meta's
  /// `fbtrace_id`), which says nothing about anyone, is shown as it is when it has a trace id's shape
  /// (``looksLikeTraceID(_:)``); a value that starts like a known
  /// credential (`EAA…`, `eyJ…`) is masked whatever its name.
  static func redactedIdentifier(_ value: String, name: String) -> String {
    if value.count >= 8, credentialPrefixes.contains(where: { value.hasPrefix($0) }) { return masked(value) }
    if nameWords(name).contains(where: { $0 == "trace" || $0 == "fbtrace" }), looksLikeTraceID(value) { return value }
    return redactedText(value) == value ? value : digest(value)
  }

  /// Whether a value has a trace id's shape (Meta's `fbtrace_id` is 20-odd letters, digits, `_` and `-`):
  /// at most 64 such characters, at least one a letter. Anything else under a trace id's name (a phone
  /// number, an address, an assignment) is checked like any identifier.
  static func looksLikeTraceID(_ value: String) -> Bool {
    guard !value.isEmpty, value.utf8.count <= 64 else { return false }
    var letter = false
    for byte in value.utf8 {
      let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
      guard isLetter || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D else { return false }
      letter = letter || isLetter
    }
    return letter
  }

  /// `[id 1a2b3c4d]`: the first 32 bits of the value's 64-bit FNV-1a hash, a function of the value alone
  /// (not Swift's per-process `Hasher`), so the same identifier gives the same digest in every line and run.
  static func digest(_ value: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in value.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    let hex = String(hash >> 32, radix: 16)
    return "[id " + String(repeating: "0", count: 8 - hex.count) + hex + "]"
  }

  /// Free text from a provider with every credential assignment (`password=…`, `"token": "…"`,
  /// `Authorization: Bearer …`), every word after `Bearer` or `Basic`, every e-mail address, phone number and
  /// token-like word masked; everything else, spacing included, is kept. The rules are ``TextRedaction``'s.
  static func redactedText(_ text: String) -> String { TextRedaction(text).result }

  /// Prefixes of well-known credentials: Meta access tokens, JSON Web Tokens, Stripe-style, GitHub, Slack,
  /// AWS and Google keys.
  static let credentialPrefixes = [
    "EAA", "eyJ", "sk_", "pk_", "rk_", "ghp_", "gho_", "github_pat_", "xox", "AKIA", "AIza", "ya29.",
  ]

  /// Whether a word looks like a token, key or opaque identifier. The bar, documented in the README:
  ///
  /// - at least 8 characters, all letters, digits or `-_.~+/=`; and
  /// - a well-known credential prefix (at 12 characters or more); or letters mixed with digits with at
  ///   least 6 different characters and a Shannon entropy of at least 2.5 bits per character; or at least 12
  ///   letters of both cases whose case changes between at least 4 in 10 neighbouring letters (random mixed
  ///   case, which `CamelCaseWords` do not reach).
  ///
  /// Words, codes (`131047`, `OAuthException`, `INVALID_PARAMETER`) and dates stay readable.
  static func looksLikeToken(_ word: String) -> Bool {
    let scalars = Array(word.unicodeScalars)
    guard scalars.count >= 8 else { return false }
    var lower = 0
    var upper = 0
    var digits = 0
    for scalar in scalars {
      switch scalar {
      case "a"..."z": lower += 1
      case "A"..."Z": upper += 1
      case "0"..."9": digits += 1
      case "-", "_", ".", "~", "+", "/", "=": break
      default: return false
      }
    }
    if scalars.count >= 12, credentialPrefixes.contains(where: word.hasPrefix) { return true }
    let letters = lower + upper
    if letters > 0, digits > 0 {
      if isVersion(scalars) || isDate(word) { return false }
      var counts: [Unicode.Scalar: Int] = [:]
      for scalar in scalars { counts[scalar, default: 0] += 1 }
      guard counts.count >= 6 else { return false }
      let total = Double(scalars.count)
      var entropy = 0.0
      for count in counts.values {
        let share = Double(count) / total
        entropy -= share * log2(share)
      }
      return entropy >= 2.5
    }
    if digits == 0, lower > 0, upper > 0, letters >= 12 {
      let onlyLetters = scalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
      var changes = 0
      for (first, second) in zip(onlyLetters, onlyLetters.dropFirst())
      where ("a"..."z").contains(first) != ("a"..."z").contains(second) {
        changes += 1
      }
      return Double(changes) >= 0.4 * Double(onlyLetters.count - 1)
    }
    return false
  }

  /// A protocol or version name: letters, an optional `/`, then digits and dots (`HTTP/1.1`, `TLSv1.3`,
  /// `v10.15.7`), with a dot or at most four digits (`IPv6`, `ES2015`): a long run of digits after letters
  /// (`qWzXkPmR84736251940`, `pass12345678`) is a token's shape, not a version's.
  static func isVersion(_ scalars: [Unicode.Scalar]) -> Bool {
    var rest = scalars.drop { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    if rest.first == "/" { rest = rest.dropFirst() }
    guard rest.first.map({ ("0"..."9").contains($0) }) == true,
      rest.allSatisfy({ ("0"..."9").contains($0) || $0 == "." })
    else { return false }
    return rest.contains(".") || rest.count <= 4
  }

  private static let dateWords: Set<String> = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november", "december", "mon",
    "tue", "wed", "thu", "fri", "sat", "sun", "t", "z", "utc", "gmt", "am", "pm",
  ]

  /// A date or time in any of the usual spellings: digits, month and day names, `T`, `Z`, `UTC`, between
  /// `-`, `/`, `.`, `:` or `+` (`17-Jun-25`, `2024-01-15T10:15:04Z`, `15/Jan/2024`).
  static func isDate(_ word: String) -> Bool {
    let parts = nameWords(word.replacingPlus())
    return parts.contains { $0.allSatisfy(\.isNumber) } && parts.contains { !$0.allSatisfy(\.isNumber) }
      && parts.allSatisfy { $0.allSatisfy(\.isNumber) || dateWords.contains($0) }
      && word.unicodeScalars.allSatisfy { !["_", "~", "="].contains($0) }
  }

  /// A phone number with all but its first three and last two characters replaced by `*` (`+5511987654321`
  /// gives `+55*********21`), or `nil` when `value` is not one: 7 to 15 digits (11 to 15 without a leading
  /// `+` unless `requirePlus` is false), optionally with a leading `+` and `-`, `.`, spaces or parentheses
  /// between them.
  static func maskedPhone(_ value: String, requirePlus: Bool) -> String? {
    let characters = Array(value)
    let hasPlus = characters.first == "+"
    var digitCount = 0
    for (offset, character) in characters.enumerated() {
      if character.isASCII, character.isNumber {
        digitCount += 1
      } else if offset == 0 && character == "+" {
        continue
      } else if !["-", ".", " ", "(", ")"].contains(character) {
        return nil
      }
    }
    let minimum = hasPlus || !requirePlus ? 7 : 11
    guard (minimum...15).contains(digitCount) else { return nil }
    if requirePlus, !hasPlus, characters.contains(where: { !($0.isASCII && $0.isNumber) }) { return nil }
    var seen = 0
    var out = ""
    for (offset, character) in characters.enumerated() {
      if character.isASCII, character.isNumber {
        seen += 1
        let keep = offset < 3 || seen > digitCount - 2
        out.append(keep ? character : "*")
      } else {
        out.append(character)
      }
    }
    return out
  }

  /// Parameters as `errcat` prints them: each value redacted by its name, and a `….value` masked whole when
  /// its sibling `….field`, `….name`, `….key` or `….param` names a credential.
  static func redacted(parameters: [String: String]) -> [String: String] {
    var out: [String: String] = [:]
    for (name, value) in parameters {
      out[name] = siblingNamesSecret(of: name, in: parameters) ? masked(value) : redacted(value, name: name)
    }
    return out
  }

  private static let siblingLabels = ["field", "name", "key", "param", "parameter"]

  /// Words that make a field's name say its value is personal data: an e-mail address, a phone number, a
  /// person's name, an address, a user name.
  static let personalNameWords: Set<String> = [
    "email", "mail", "phone", "mobile", "msisdn", "tel", "telephone", "fax", "cell", "address", "user", "login",
    "surname", "contact", "caller", "birthday", "dob", "ssn", "iban", "card", "cardnumber", "cid", "passport",
  ]

  /// Whether a field's name (`email_addr`, `mobile_number`, `first_name`, `name`) says its value is personal
  /// data.
  static func isPersonalName(_ name: String) -> Bool {
    let words = nameWords(name)
    let joined = words.joined()
    let personalJoined = [
      "email", "username", "firstname", "lastname", "fullname", "displayname", "cidname", "regname", "outboundcid",
    ]
    return words == ["name"] || words.contains(where: personalNameWords.contains)
      || personalJoined.contains(where: joined.contains) || isPhoneName(name)
  }

  /// Whether the `….value` parameter `name` is masked whole by where it sits: its sibling `….field`,
  /// `….name`, `….key` or `….param` names a credential or personal data, or it is the value of a duplicate
  /// (Yeastar's `duplicateField.N.value`: a value that must be unique, such as an e-mail address, a phone
  /// number or a user name, so personal data whatever its field).
  private static func siblingNamesSecret(of name: String, in parameters: [String: String]) -> Bool {
    for suffix in ["value", "Value"] where name.hasSuffix(suffix) {
      let stem = name.dropLast(suffix.count)
      if nameWords(String(stem)).contains("duplicate") { return true }
      for label in siblingLabels {
        let candidates = [stem + label, stem + label.prefix(1).uppercased() + label.dropFirst()]
        for candidate in candidates where candidate != name {
          if let sibling = parameters[String(candidate)], isSecretName(sibling) || isPersonalName(sibling) {
            return true
          }
        }
      }
    }
    return false
  }

  // MARK: JSON

  /// Members of `errcat`'s own JSON whose values come from the catalogs or the vocabularies, not from the
  /// provider: left as they are (outside `parameters`, `references` and the like, where every name is the
  /// provider's).
  static let catalogMembers: Set<String> = [
    "provider", "outcome", "recognized", "name", "table", "status", "message", "category", "retry", "fault",
    "retryAfterSeconds", "explanation", "remedy", "kind", "shape", "bytes", "situation", "source", "catalog",
    "deprecated", "truncated", "rawHTTP", "responses", "delivery", "deliveryReason", "wait", "seconds", "origin",
    "parameter",
  ]

  /// `tree` with every provider value redacted: members named as credentials masked whole (whatever their
  /// type), a `value` next to a `field`/`name`/`key` naming a credential masked, flattened `….value`
  /// parameters likewise, and every other string redacted by its name and its shape. Members that hold
  /// catalog text (``catalogMembers``) are left alone outside provider data.
  static func redacted(_ tree: JSONOutput) -> JSONOutput {
    redacted(tree, name: "", inProviderData: false)
  }

  private static let providerDataMembers: Set<String> = ["parameters", "references", "headers", "raw"]

  private static func redacted(_ tree: JSONOutput, name: String, inProviderData: Bool) -> JSONOutput {
    switch tree {
    case .null, .bool: return tree
    case .int(let number):
      return isSecretName(name) ? .string(masked(String(number))) : tree
    case .string(let text):
      if !inProviderData, catalogMembers.contains(name) { return tree }
      return .string(redacted(text, name: name))
    case .array(let values):
      if isSecretName(name) { return maskedWhole(tree) }
      return .array(values.map { redacted($0, name: name, inProviderData: inProviderData) })
    case .object(let members):
      if isSecretName(name) { return maskedWhole(tree) }
      let inside = inProviderData || providerDataMembers.contains(name)
      var flat: [String: String] = [:]
      for (key, value) in members { if case .string(let text) = value { flat[key] = text } }
      let labelledSecret = siblingLabels.contains { label in
        flat[label].map { isSecretName($0) || isPersonalName($0) } ?? false
      }
      return .object(
        members.map { key, value in
          if labelledSecret, key == "value" || key == "values" { return (key, maskedWhole(value)) }
          if inside, siblingNamesSecret(of: key, in: flat) { return (key, maskedWhole(value)) }
          return (key, redacted(value, name: key, inProviderData: inside))
        })
    }
  }

  private static func maskedWhole(_ tree: JSONOutput) -> JSONOutput {
    switch tree {
    case .null: .null
    case .bool(let value): .string(masked(String(value)))
    case .int(let number): .string(masked(String(number)))
    case .string(let text): .string(masked(text))
    case .array(let values): .array(values.map(maskedWhole))
    case .object(let members): .object(members.map { ($0.0, maskedWhole($0.1)) })
    }
  }
}

extension String {
  /// `+` read as a separator, as `nameWords` reads punctuation.
  fileprivate func replacingPlus() -> String { String(map { $0 == "+" ? "-" : $0 }) }
}
