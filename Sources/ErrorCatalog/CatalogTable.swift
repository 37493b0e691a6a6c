/// One number space of one provider, with hashed indexes over its entries.
///
/// The indexes are built once, when the generated `static let` holding the table is first used.
/// Lookups by code and by exact message are hash lookups; only entries whose message has variables are
/// tried one by one, and only when the exact lookup misses.
public struct CatalogTable: Sendable {
  /// The provider.
  public let provider: ProviderID
  /// The table's identifier, such as `api` or `reason`.
  public let id: String
  /// The table's title.
  public let title: String
  /// The entries, in catalog order.
  public let entries: [CatalogEntry]

  private let indexByCode: [String: [Int]]
  private let indexByName: [String: Int]
  private let indexByMessageKey: [String: [Int]]
  /// Patterns that start with literal text, by their first word (upper-cased).
  private let patternsByFirstWord: [String: [(pattern: MessagePattern, entry: Int)]]
  /// Patterns that start with a placeholder, tried for every message.
  private let leadingPlaceholderPatterns: [(pattern: MessagePattern, entry: Int)]
  private let patternsByEntry: [Int: [MessagePattern]]
  private let longestMessageKey: Int
  /// Entries that stand for a range of integer codes, tried when no entry has the exact code.
  private let rangeEntries: [(range: ClosedRange<Int>, entry: Int)]

  /// Builds a table and its indexes; generated code calls this.
  package init(provider: ProviderID, id: String, title: String, entries: [CatalogEntry]) {
    self.provider = provider
    self.id = id
    self.title = title
    self.entries = entries
    var byCode: [String: [Int]] = [:]
    var byName: [String: Int] = [:]
    var byMessage: [String: [Int]] = [:]
    var patterns: [(MessagePattern, Int)] = []
    for (index, entry) in entries.enumerated() {
      byCode[Self.codeKey(entry.code), default: []].append(index)
      byName[entry.name] = index
      let messageKey = MessageNormalization.lookupKey(entry.message)
      if byMessage[messageKey]?.contains(index) != true { byMessage[messageKey, default: []].append(index) }
      for template in entry.patterns {
        let pattern = MessagePattern(template)
        if let key = pattern.literalKey {
          if byMessage[key]?.contains(index) != true { byMessage[key, default: []].append(index) }
        } else {
          patterns.append((pattern, index))
        }
      }
    }
    indexByCode = byCode
    rangeEntries = entries.enumerated().compactMap { index, entry in entry.codeRange.map { ($0, index) } }
    indexByName = byName
    indexByMessageKey = byMessage
    longestMessageKey = byMessage.keys.map(\.utf8.count).max() ?? 0
    var byFirstWord: [String: [(pattern: MessagePattern, entry: Int)]] = [:]
    var leading: [(pattern: MessagePattern, entry: Int)] = []
    var byEntry: [Int: [MessagePattern]] = [:]
    for (pattern, index) in patterns {
      byEntry[index, default: []].append(pattern)
      if let word = pattern.firstLiteralWord {
        byFirstWord[word, default: []].append((pattern, index))
      } else {
        leading.append((pattern, index))
      }
    }
    patternsByFirstWord = byFirstWord
    leadingPlaceholderPatterns = leading
    patternsByEntry = byEntry
  }

  /// The key codes are indexed under (see ``CodeText``).
  static func codeKey(_ code: String) -> String { CodeText.canonical(code) }

  /// The entry with this Swift case name.
  public func entry(named name: String) -> CatalogEntry? {
    indexByName[name].map { entries[$0] }
  }

  /// The entries documented under this wire code (several when a provider reuses a status for many
  /// messages, as Wolkvox does).
  public func entries(forCode code: String) -> [CatalogEntry] {
    candidates(forCode: code).map { entries[$0] }
  }

  /// The entries with exactly this code, else the one whose range holds it.
  private func candidates(forCode code: String) -> [Int] {
    let key = Self.codeKey(code)
    if let exact = indexByCode[key], !exact.isEmpty { return exact }
    guard !rangeEntries.isEmpty, let number = Int(key) else { return [] }
    return rangeEntries.first { $0.range.contains(number) }.map { [$0.entry] } ?? []
  }

  /// Finds the entry a message belongs to, capturing the values of its placeholders.
  ///
  /// When several entries share a message, the one whose code equals `code` wins.
  public func match(message: String, code: String? = nil) -> CatalogMatch? {
    let normalized = MessageNormalization.normalizedBytes(message.utf8)
    guard !normalized.isEmpty else { return nil }
    let key = MessageNormalization.lookupKey(bytes: normalized)
    if let candidates = indexByMessageKey[key] {
      let index = preferred(candidates, code: code)
      // An exact hit on a message with variables still captures them (`SKILL_ID X …` gives `skillID: X`).
      return CatalogMatch(entry: entries[index], parameters: captures(normalized, entry: index) ?? [:])
    }
    var fallback: CatalogMatch?
    let firstWord = MessageNormalization.lookupKey(bytes: Array(normalized.prefix { $0 != 0x20 }))
    for (pattern, index) in (patternsByFirstWord[firstWord] ?? []) + leadingPlaceholderPatterns {
      guard let captured = pattern.match(normalized: normalized) else { continue }
      let match = CatalogMatch(entry: entries[index], parameters: captured)
      if code == nil || Self.codeKey(entries[index].code) == Self.codeKey(code ?? "") { return match }
      if fallback == nil { fallback = match }
    }
    if let fallback { return fallback }
    return prefixMatch(normalized, code: code)
  }

  /// A provider that appends details to a known message (`INVALID TOKEN: expired yesterday`) still
  /// matches: the longest known message that the text starts with, ending at a word boundary, wins, and
  /// the rest comes back as the `detail` parameter. Only word boundaries are hashed, so this stays cheap.
  private func prefixMatch(_ normalized: [UInt8], code: String?) -> CatalogMatch? {
    // Only prefixes as long as the longest known message can match, which bounds the work on huge input.
    var end = min(normalized.count - 1, longestMessageKey)
    while end >= Self.minimumPrefixLength {
      let next = normalized[end]
      if next == 0x20 || MessageNormalization.isTrailingPunctuation(next) || next == UInt8(ascii: "-") {
        let prefix = MessageNormalization.normalizedBytes(normalized[..<end])
        if prefix.count >= Self.minimumPrefixLength,
          let candidates = indexByMessageKey[MessageNormalization.lookupKey(bytes: prefix)]
        {
          var rest = normalized[end...].drop {
            $0 == 0x20 || $0 == UInt8(ascii: "-") || MessageNormalization.isTrailingPunctuation($0)
          }
          while let last = rest.last, last == 0x20 { rest = rest.dropLast() }
          let detail = String(decoding: rest, as: UTF8.self)
          return CatalogMatch(
            entry: entries[preferred(candidates, code: code)], parameters: detail.isEmpty ? [:] : ["detail": detail])
        }
      }
      end -= 1
    }
    return nil
  }

  /// Prefixes shorter than this are too generic to identify an entry.
  static let minimumPrefixLength = 8

  /// Finds the entries for text that may be either a wire code or a message, as `errcat explain` takes it:
  /// every entry documented under the code (several where a provider reuses one code for many messages,
  /// as Wolkvox does with its HTTP statuses), else the entry whose message it is, with the placeholders'
  /// values. An empty array when nothing matches.
  public func lookup(_ codeOrMessage: String) -> [CatalogMatch] {
    let byCode = candidates(forCode: codeOrMessage)
    if !byCode.isEmpty { return byCode.map { CatalogMatch(entry: entries[$0]) } }
    return match(message: codeOrMessage).map { [$0] } ?? []
  }

  /// Finds the entry for a wire code; when the code is shared by several entries, the message decides.
  /// Without a deciding message there is no match, unless exactly one of those entries is a failure.
  public func match(code: String, message: String? = nil) -> CatalogMatch? {
    let candidates = candidates(forCode: code)
    guard !candidates.isEmpty else { return nil }
    if let message, let byMessage = match(message: message, code: code),
      Self.codeKey(byMessage.entry.code) == Self.codeKey(code)
    {
      return byMessage
    }
    // A code shared by one failure and by entries that mean something else (GENIQ's template code 0 is
    // "Success" or a revoked token) stays that failure when the message decides nothing: success is
    // never inferred.
    let failures = candidates.filter { entries[$0].outcome == .failure }
    guard candidates.count == 1 || failures.count == 1 else { return nil }
    let index = candidates.count == 1 ? candidates[0] : failures[0]
    var parameters: [String: String] = [:]
    if let message {
      parameters = captures(MessageNormalization.normalizedBytes(message.utf8), entry: index) ?? [:]
    }
    return CatalogMatch(entry: entries[index], parameters: parameters)
  }

  private func preferred(_ candidates: [Int], code: String?) -> Int {
    if let code, candidates.count > 1 {
      let key = Self.codeKey(code)
      if let index = candidates.first(where: { Self.codeKey(entries[$0].code) == key }) { return index }
    }
    return candidates[0]
  }

  private func captures(_ normalized: [UInt8], entry index: Int) -> [String: String]? {
    for pattern in patternsByEntry[index] ?? [] {
      if let captured = pattern.match(normalized: normalized) { return captured }
    }
    return nil
  }
}

/// An entry found for a wire code or message, with the values captured from the message.
public struct CatalogMatch: Sendable, Hashable, Encodable {
  /// The entry.
  public let entry: CatalogEntry
  /// Placeholder values captured from the message, by placeholder name.
  public let parameters: [String: String]

  /// Creates a match.
  package init(entry: CatalogEntry, parameters: [String: String] = [:]) {
    self.entry = entry
    self.parameters = parameters
  }

  /// Encodes the entry's members and, when any were captured, `parameters`.
  public func encode(to encoder: any Encoder) throws {
    try entry.encode(to: encoder)
    if !parameters.isEmpty {
      var container = encoder.container(keyedBy: NameKey.self)
      try container.encode(parameters, forKey: NameKey("parameters"))
    }
  }
}
