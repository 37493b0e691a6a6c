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

  /// Where the provider's answers put the code and message this table is searched with, when the catalog
  /// describes it (``readWire(in:status:)``).
  package let wire: WireShape?

  /// The indexes, shared: a table is a value, and calling through one must not copy a dozen collections.
  private let indexes: Index

  /// Builds a table and its indexes; generated code calls this.
  ///
  /// The indexes are arrays and open-addressing slots, not dictionaries or sets: instantiating a generic
  /// type whose parameters must be `Hashable` makes the runtime search every conformance the program
  /// carries, about 100,000 instructions each time, and a program's first classification builds its table.
  ///
  /// Message keys and patterns with placeholders are built on first need: generated tables pass `messages`
  /// and `patterns`, which read `static let`s (so each is built once, thread-safely, and only when a message
  /// must be looked up, or a pattern tried); without them they are built now.
  package init(
    provider: ProviderID, id: String, title: String, entries: [CatalogEntry], codes: CodeLayout? = nil,
    capturing: [Int]? = nil, messageKeys: [String]? = nil, messages: (@Sendable () -> Messages)? = nil,
    patterns: (@Sendable () -> Patterns)? = nil, wire: WireShape? = nil
  ) {
    self.provider = provider
    self.id = id
    self.title = title
    self.wire = wire
    // Generated tables give each entry its position; others are copied with theirs.
    let entries = entries.enumerated().map {
      $0.element.position == $0.offset ? $0.element : CatalogEntry($0.element, position: $0.offset)
    }
    self.entries = entries
    // Codes: each distinct canonical code once (laid out by the generator for generated tables).
    let codes = codes ?? CodeLayout.layout(codes: entries.map { $0.code })
    var codeSlots = Index.Slots(capacity: codes.keys.count)
    for (group, hash) in codes.hashes.enumerated() { codeSlots.insert(hash, id: group) }
    let groups = Index.Groups(
      count: codes.keys.count, groups: codes.groupOfEntry, members: Array(codes.groupOfEntry.indices))
    var rangeEntries: [Int] = []
    for (position, entry) in entries.enumerated() {
      if let range = entry.codeRange { rangeEntries += [range.lowerBound, range.upperBound, position] }
    }
    // Which entries have patterns with placeholders (generated tables list them).
    var capturingEntries = [Bool](repeating: false, count: entries.count)
    for position in capturing
      ?? entries.indices.filter({ entries[$0].patterns.contains { !MessagePattern.isLiteral($0) } })
    {
      capturingEntries[position] = true
    }
    let messages =
      messages
      ?? {
        let built = Messages(entries)
        return { built }
      }()
    let patterns =
      patterns
      ?? {
        let built = Patterns(entries)
        return { built }
      }()
    indexes = Index(
      codes: codes, codeGroups: groups, codeSlots: codeSlots, capturing: capturingEntries, messageKeys: messageKeys,
      messages: messages, patterns: patterns, rangeEntries: rangeEntries)
  }

  /// A table's codes, computed from its entries' codes alone: each distinct canonical code (see
  /// ``CodeText``) in the order first met, its hash (``Index``'s), its value when it is an integer
  /// (`Int.min` when not), and for each entry the index of its code.
  package struct CodeLayout: Sendable, Equatable {
    package let keys: [String]
    package let hashes: [UInt64]
    package let integers: [Int]
    package let groupOfEntry: [Int]

    package init(keys: [String], hashes: [UInt64], integers: [Int], groupOfEntry: [Int]) {
      self.keys = keys
      self.hashes = hashes
      self.integers = integers
      self.groupOfEntry = groupOfEntry
    }

    /// The layout of a table whose entries have these wire codes, in table order.
    package static func layout(codes: [String]) -> CodeLayout {
      var slots = Index.Slots(capacity: codes.count)
      var keys: [String] = []
      var hashes: [UInt64] = []
      var groupOfEntry: [Int] = []
      for code in codes {
        let key = CatalogTable.codeKey(code)
        let hash = Index.hash(code: key)
        if let group = slots.find(hash, where: { keys[$0] == key }) {
          groupOfEntry.append(group)
        } else {
          slots.insert(hash, id: keys.count)
          groupOfEntry.append(keys.count)
          keys.append(key)
          hashes.append(hash)
        }
      }
      return CodeLayout(
        keys: keys, hashes: hashes, integers: keys.map { CodeText.integer($0) ?? .min }, groupOfEntry: groupOfEntry)
    }
  }

  /// The table's codes as laid out (see ``CodeLayout``).
  package var codeLayout: CodeLayout { indexes.codes }

  /// A table's message keys: each distinct key (an entry's message, or a pattern without placeholders)
  /// once, with the entries it belongs to, found by hash.
  package final class Messages: Sendable {
    /// The distinct message keys (normalised, upper-cased), as the layout gives them.
    package let keys: [String]
    /// The hash of each key (see ``MessageKey``).
    package let hashes: [UInt64]
    let slots: Index.Slots
    /// Each key's entries, in table order.
    let keyEntries: Index.Groups
    /// The id in ``keys`` of each entry's own message.
    package let keyOfEntry: [Int]
    let longestKey: Int
    /// The first eight bytes of each key at least ``CatalogTable/minimumPrefixLength`` long, as
    /// little-endian words, sorted, each once: text whose first eight bytes are none of these starts no
    /// known message.
    package let keyStarts: [UInt64]

    /// Builds the message keys of `entries`, in table order. Generated tables pass `layout`, the keys as
    /// ``layout(messages:patterns:)`` computed them when the catalog was generated, so that a program's
    /// first classification does not normalise and hash every message.
    package init(_ entries: [CatalogEntry], layout: Layout? = nil) {
      let layout = layout ?? Self.layout(messages: entries.map { $0.message }, patterns: entries.map { $0.patterns })
      var slots = Index.Slots(capacity: layout.keys.count)
      for (id, hash) in layout.hashes.enumerated() { slots.insert(hash, id: id) }
      // Each key's entries: every (key, entry) pair of the layout, an entry's own message first.
      var members: [Int] = []
      members.reserveCapacity(layout.keyIDs.count)
      var keyOfEntry: [Int] = []
      keyOfEntry.reserveCapacity(entries.count)
      var next = 0
      for (position, count) in layout.keyCounts.enumerated() {
        keyOfEntry.append(layout.keyIDs[next])
        for _ in 0..<count { members.append(position) }
        next += count
      }
      keys = layout.keys
      hashes = layout.hashes
      self.slots = slots
      keyEntries = Index.Groups(count: layout.keys.count, groups: layout.keyIDs, members: members)
      self.keyOfEntry = keyOfEntry
      longestKey = layout.keys.reduce(0) { max($0, $1.utf8.count) }
      keyStarts = layout.keyStarts
    }

    /// The entries whose message (or pattern without placeholders) has key `id`, in table order.
    package func entries(ofKey id: Int) -> ArraySlice<Int> { keyEntries[id] }

    /// What a table's message keys are, computed from its messages alone: the distinct keys in the order
    /// first met, their hashes, for each entry the ids of its keys (its message's first, then its
    /// patterns' without placeholders) and how many it has, and the sorted distinct first eight bytes.
    package struct Layout: Sendable {
      package let keys: [String]
      package let hashes: [UInt64]
      package let keyIDs: [Int]
      package let keyCounts: [Int]
      package let keyStarts: [UInt64]
      /// The positions of the entries with patterns with placeholders.
      package let capturing: [Int]

      package init(
        keys: [String], hashes: [UInt64], keyIDs: [Int], keyCounts: [Int], keyStarts: [UInt64], capturing: [Int]
      ) {
        self.keys = keys
        self.hashes = hashes
        self.keyIDs = keyIDs
        self.keyCounts = keyCounts
        self.keyStarts = keyStarts
        self.capturing = capturing
      }
    }

    /// The layout of a table whose entries have these messages and patterns.
    package static func layout(messages: [String], patterns: [[String]]) -> Layout {
      var keys: [[UInt8]] = []
      var hashes: [UInt64] = []
      var slots = Index.Slots(capacity: messages.count + patterns.reduce(0) { $0 + $1.count })
      var keyIDs: [Int] = []
      var keyCounts: [Int] = []
      var capturing: [Int] = []
      func id(of key: [UInt8]) -> Int {
        let hash = MessageKey.hash(key: key)
        if let id = slots.find(hash, where: { keys[$0] == key }) { return id }
        slots.insert(hash, id: keys.count)
        keys.append(key)
        hashes.append(hash)
        return keys.count - 1
      }
      for (message, patterns) in zip(messages, patterns) {
        let before = keyIDs.count
        keyIDs.append(id(of: MessageNormalization.lookupKeyBytes(message)))
        for template in patterns where MessagePattern.isLiteral(template) {
          keyIDs.append(id(of: MessageNormalization.lookupKeyBytes(template)))
        }
        if patterns.contains(where: { !MessagePattern.isLiteral($0) }) { capturing.append(keyCounts.count) }
        keyCounts.append(keyIDs.count - before)
      }
      var starts = keys.compactMap { key -> UInt64? in
        guard key.count >= max(8, CatalogTable.minimumPrefixLength) else { return nil }
        return key.prefix(8).enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }
      }
      starts.sort()
      var distinct: [UInt64] = []
      for start in starts where distinct.last != start { distinct.append(start) }
      return Layout(
        keys: keys.map { String(decoding: $0, as: UTF8.self) }, hashes: hashes, keyIDs: keyIDs, keyCounts: keyCounts,
        keyStarts: distinct, capturing: capturing)
    }

    /// Whether some key of eight bytes or more starts with the eight bytes of `word`.
    func startsSomeKey(_ word: UInt64) -> Bool {
      let low = Index.firstIndex(notBelow: word, in: keyStarts)
      return low < keyStarts.count && keyStarts[low] == word
    }

    /// The id of the key with this hash that `matches` accepts.
    @inline(__always)
    func key(hash: UInt64, where matches: (String) -> Bool) -> Int? {
      slots.find(hash) { matches(keys[$0]) }
    }
  }

  /// A table's patterns with placeholders, parsed.
  package final class Patterns: Sendable {
    /// Patterns that start with literal text, sorted by the hash of their first word (upper-cased), which
    /// ``firstWords`` holds in the same order; patterns with the same first word keep their table order.
    let firstWords: [UInt64]
    let firstWordPatterns: [(pattern: MessagePattern, entry: Int)]
    /// Patterns that start with a placeholder, tried for every message.
    let leading: [(pattern: MessagePattern, entry: Int)]
    /// Each entry's patterns with placeholders.
    let byEntry: [[MessagePattern]]

    /// Parses the patterns with placeholders of `entries`, in table order.
    package init(_ entries: [CatalogEntry]) {
      var byFirstWord: [(word: UInt64, order: Int, pattern: MessagePattern, entry: Int)] = []
      var leading: [(pattern: MessagePattern, entry: Int)] = []
      var byEntry = [[MessagePattern]](repeating: [], count: entries.count)
      for (index, entry) in entries.enumerated() {
        for template in entry.patterns where !MessagePattern.isLiteral(template) {
          let pattern = MessagePattern(template)
          byEntry[index].append(pattern)
          if let word = pattern.firstLiteralWord {
            byFirstWord.append((MessageKey.hash(key: Array(word.utf8)), byFirstWord.count, pattern, index))
          } else {
            leading.append((pattern, index))
          }
        }
      }
      byFirstWord.sort { ($0.word, $0.order) < ($1.word, $1.order) }
      firstWords = byFirstWord.map { $0.word }
      firstWordPatterns = byFirstWord.map { ($0.pattern, $0.entry) }
      self.leading = leading
      self.byEntry = byEntry
    }

    /// The patterns whose first word has this hash, in table order.
    func startingWith(_ word: UInt64) -> ArraySlice<(pattern: MessagePattern, entry: Int)> {
      let low = Index.firstIndex(notBelow: word, in: firstWords)
      var end = low
      while end < firstWords.count && firstWords[end] == word { end += 1 }
      return firstWordPatterns[low..<end]
    }
  }

  /// The table's message keys (built on first call: see ``init(provider:id:title:entries:messages:patterns:)``).
  package var messageIndex: Messages { indexes.messages() }

  /// Whether each entry has patterns with placeholders.
  package var capturingEntries: [Bool] { indexes.capturing }

  /// Each entry's own message key, as the check of a code's one entry reads it.
  package var ownMessageKeys: [String] { entries.indices.map(ownMessageKey(of:)) }

  /// The key codes are indexed under (see ``CodeText``).
  static func codeKey(_ code: String) -> String { CodeText.canonical(code) }

  /// The entry with this Swift case name.
  public func entry(named name: String) -> CatalogEntry? {
    entries.first { $0.name == name }
  }

  /// The entries documented under this wire code (several when a provider reuses a status for many
  /// messages, as Wolkvox does).
  public func entries(forCode code: String) -> [CatalogEntry] {
    candidates(forCode: code).map { entries[$0] }
  }

  /// The entries with exactly this code, else the one whose range holds it.
  private func candidates(forCode code: String) -> ArraySlice<Int> {
    // Text longer than any code that is not a number (a message, in `lookup`) is no code: known as soon as
    // both are seen, without reading the rest of a long message.
    let longest = indexes.longestCodeKey
    let isCode = ByteView.of(code) { bytes -> Bool in
      var length = 0
      var isNumeric = true
      for byte in bytes where !MessageNormalization.isSpace(byte) {
        length += 1
        if !(byte >= 0x30 && byte <= 0x39) && byte != UInt8(ascii: "-") && byte != UInt8(ascii: "+") {
          isNumeric = false
        }
        if length > longest && !isNumeric { return false }
      }
      return true
    }
    guard isCode else { return [] }
    return candidates(forKey: Self.codeKey(code))
  }

  /// The entries with exactly this canonical code, if any.
  private func exactCandidates(forKey key: String) -> ArraySlice<Int>? {
    if let number = CodeText.integer(key) { return indexes.entries(forInteger: number) }
    if let exact = indexes.entries(forCode: key), !exact.isEmpty { return exact }
    return nil
  }

  /// The entries with exactly this canonical code, else the one whose range holds it.
  private func candidates(forKey key: String) -> ArraySlice<Int> {
    if let exact = exactCandidates(forKey: key) { return exact }
    guard !indexes.rangeEntries.isEmpty, let number = Int(key) else { return [] }
    // Lower bound, upper bound, entry, for each ranged entry.
    let ranges = indexes.rangeEntries
    for start in stride(from: 0, to: ranges.count, by: 3) where ranges[start] <= number && number <= ranges[start + 1] {
      return [ranges[start + 2]][...]
    }
    return []
  }

  /// Finds the entry a message belongs to, capturing the values of its placeholders.
  ///
  /// When several entries share a message, the one whose code equals `code` wins.
  public func match(message: String, code: String? = nil) -> CatalogMatch? {
    let key = code.map(Self.codeKey)
    return ByteView.of(message) { match(text: $0, codeKey: key) }
  }

  /// Finds the entry for message text as it arrived (it is normalised in place, see ``MessageKey``),
  /// preferring the entry whose canonical code is `codeKey` when several share the message.
  func match(text: ByteView, codeKey: String?) -> CatalogMatch? {
    let bounds = MessageNormalization.bounds(text)
    guard !bounds.isEmpty else { return nil }
    let hash = MessageKey.hash(text, bounds)
    let messages = indexes.messages()
    if let id = messages.key(hash: hash, where: { MessageKey.equals(text, bounds, key: $0) }) {
      let index = preferred(messages.entries(ofKey: id), codeKey: codeKey)
      // An exact hit on a message with variables still captures them (`SKILL_ID X …` gives `skillID: X`).
      guard indexes.capturing[index] else { return CatalogMatch(entry: entries[index]) }
      return MessageKey.withNormalized(text, bounds) {
        CatalogMatch(entry: entries[index], parameters: captures($0, entry: index) ?? [:])
      }
    }
    return MessageKey.withNormalized(text, bounds) { missed(normalized: $0, codeKey: codeKey) }
  }

  /// The patterns, then known messages that start the text, for normalised text no key matched exactly.
  private func missed(normalized: ByteView, codeKey: String?) -> CatalogMatch? {
    var fallback: CatalogMatch?
    var firstWordHasher = MessageKey.Hasher()
    for byte in normalized {
      if byte == 0x20 { break }
      firstWordHasher.add(MessageNormalization.asciiUppercased(byte))
    }
    let firstWord = firstWordHasher.finalized()
    func attempt(_ candidates: ArraySlice<(pattern: MessagePattern, entry: Int)>) -> CatalogMatch? {
      for (pattern, index) in candidates {
        guard let captured = pattern.match(normalized: normalized) else { continue }
        let match = CatalogMatch(entry: entries[index], parameters: captured)
        if codeKey == nil || indexes.codeKey(ofEntry: index) == codeKey ?? "" { return match }
        if fallback == nil { fallback = match }
      }
      return nil
    }
    let patterns = indexes.patterns()
    if let found = attempt(patterns.startingWith(firstWord)) ?? attempt(patterns.leading[...]) {
      return found
    }
    if let fallback { return fallback }
    return prefixMatch(normalized, codeKey: codeKey)
  }

  /// A provider that appends details to a known message (`INVALID TOKEN: expired yesterday`) still
  /// matches: the longest known message that the text starts with, ending at a word boundary, wins, and
  /// the rest comes back as the `detail` parameter. The prefixes are hashed in one pass, in place.
  private func prefixMatch(_ normalized: ByteView, codeKey: String?) -> CatalogMatch? {
    // Only prefixes as long as the longest known message can match, which bounds the work on huge input.
    let messages = indexes.messages()
    let limit = min(normalized.count - 1, messages.longestKey)
    guard limit >= Self.minimumPrefixLength else { return nil }
    // A prefix that matches is a key of at least eight bytes whose first eight are the text's, upper-cased:
    // text that starts like no such key matches none, which is known without hashing its prefixes.
    guard messages.startsSomeKey(MessageKey.asciiUppercased(normalized.word(at: 0))) else { return nil }
    var best: (end: Int, key: Int)?
    do {
      let text = normalized
      var hasher = MessageKey.Hasher()
      // The hasher as it was after the last byte that can end a key (not white space, not punctuation).
      var content = hasher
      var contentLength = 0
      for end in 0...limit {
        let next = text[end]
        if end >= Self.minimumPrefixLength, contentLength >= Self.minimumPrefixLength,
          next == 0x20 || MessageNormalization.isTrailingPunctuation(next) || next == UInt8(ascii: "-"),
          let id = messages.key(
            hash: content.finalized(), where: { MessageKey.equals(text, 0..<contentLength, key: $0) })
        {
          best = (end, id)
        }
        hasher.add(MessageNormalization.asciiUppercased(next))
        if !MessageNormalization.isSpace(next) && !MessageNormalization.isTrailingPunctuation(next) {
          content = hasher
          contentLength = end + 1
        }
      }
    }
    guard let best else { return nil }
    var rest = normalized[best.end...].drop {
      $0 == 0x20 || $0 == UInt8(ascii: "-") || MessageNormalization.isTrailingPunctuation($0)
    }
    while let last = rest.last, last == 0x20 { rest = rest.dropLast() }
    let detail = normalized.string(rest.startIndex..<rest.endIndex)
    return CatalogMatch(
      entry: entries[preferred(messages.entries(ofKey: best.key), codeKey: codeKey)],
      parameters: detail.isEmpty ? [:] : ["detail": detail])
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
  /// Without a deciding message there is no match, unless exactly one of those entries is a failure (a
  /// variant entry, which stands for one wire message of a code, counts only when its message decides).
  public func match(code: String, message: String? = nil) -> CatalogMatch? {
    let key = Self.codeKey(code)
    guard let message else { return match(codeKey: key, text: nil) }
    return ByteView.of(message) { match(codeKey: key, text: $0) }
  }

  /// ``match(code:message:)`` for a canonical code, without a message.
  package func match(codeKey: String) -> CatalogMatch? { match(codeKey: codeKey, text: nil) }

  /// ``match(code:message:)`` for a canonical code and message text as it arrived.
  func match(codeKey: String, text: ByteView?) -> CatalogMatch? {
    let exact = exactCandidates(forKey: codeKey)
    let candidates = exact ?? candidates(forKey: codeKey)
    guard !candidates.isEmpty else { return nil }
    // The one entry with this code, when the text is its own message, is what the lookups below would find
    // (the message's entries sharing this code are this entry): found without hashing the text.
    if let text, let exact, exact.count == 1, let only = exact.first,
      MessageKey.equals(text, MessageNormalization.bounds(text), key: ownMessageKey(of: only))
    {
      return match(entry: only, text: text)
    }
    // The message's entry counts when its own code is this code: when it is one of the exact candidates.
    if let text, let exact, let byMessage = match(text: text, codeKey: codeKey),
      exact.contains(where: { entries[$0].storage === byMessage.entry.storage })
    {
      return byMessage
    }
    // A code shared by one failure and by entries that mean something else (GENIQ's template code 0 is
    // "Success" or a revoked token) stays that failure when the message decides nothing: success is
    // never inferred. A variant (one wire message of a code another entry stands for, such as Meta's
    // 139001 "Error while processing Flow JSON") is found by its message only, so it is left out here.
    let deciding = candidates.count > 1 ? candidates.filter { !entries[$0].isVariant }[...] : candidates
    guard let first = deciding.first else { return nil }
    var failure: Int?
    var failures = 0
    for index in deciding where entries[index].outcome == .failure {
      failures += 1
      if failure == nil { failure = index }
    }
    guard deciding.count == 1 || failures == 1 else { return nil }
    let index = deciding.count == 1 ? first : failure ?? first
    return match(entry: index, text: text)
  }

  /// The lookup key of the entry at `index`'s own message: laid out by the generator, or from the message
  /// index.
  private func ownMessageKey(of index: Int) -> String {
    if let keys = indexes.messageKeys { return keys[index] }
    let messages = indexes.messages()
    return messages.keys[messages.keyOfEntry[index]]
  }

  /// The match of the entry at `index`, with the values its patterns capture from `text`.
  private func match(entry index: Int, text: ByteView?) -> CatalogMatch {
    guard let text, indexes.capturing[index] else { return CatalogMatch(entry: entries[index]) }
    return CatalogMatch(
      entry: entries[index],
      parameters: MessageKey.withNormalized(text, MessageNormalization.bounds(text)) { captures($0, entry: index) }
        ?? [:])
  }

  private func preferred(_ candidates: ArraySlice<Int>, codeKey: String?) -> Int {
    if let codeKey, candidates.count > 1 {
      if let index = candidates.first(where: { indexes.codeKey(ofEntry: $0) == codeKey }) { return index }
    }
    return candidates[candidates.startIndex]
  }

  private func captures(_ normalized: ByteView, entry index: Int) -> [String: String]? {
    for pattern in indexes.patterns().byEntry[index] {
      if let captured = pattern.match(normalized: normalized) { return captured }
    }
    return nil
  }
}

extension CatalogTable {
  /// A table's indexes, built once.
  final class Index: Sendable {
    /// The table's distinct canonical codes, found through ``codeSlots`` (integer codes by value, text codes
    /// by their bytes), and each code's entries in table order.
    let codes: CodeLayout
    let codeGroups: Groups
    let codeSlots: Slots
    /// The longest canonical code: longer text that is not a number cannot be a code.
    let longestCodeKey: Int
    /// Whether each entry has patterns with placeholders, whose values a match captures.
    let capturing: [Bool]
    /// Each entry's own message key, when the generator laid them out.
    let messageKeys: [String]?
    /// The message keys, built on first call.
    let messages: @Sendable () -> Messages
    /// The patterns with placeholders, parsed on first call.
    let patterns: @Sendable () -> Patterns
    /// Entries that stand for a range of integer codes, tried when no entry has the exact code: lower bound,
    /// upper bound and entry, three integers each (no `ClosedRange`, whose type the runtime would build).
    let rangeEntries: [Int]

    init(
      codes: CodeLayout, codeGroups: Groups, codeSlots: Slots, capturing: [Bool], messageKeys: [String]?,
      messages: @escaping @Sendable () -> Messages, patterns: @escaping @Sendable () -> Patterns,
      rangeEntries: [Int]
    ) {
      self.codes = codes
      self.codeGroups = codeGroups
      self.codeSlots = codeSlots
      longestCodeKey = codes.keys.reduce(0) { max($0, $1.utf8.count) }
      self.capturing = capturing
      self.messageKeys = messageKeys
      self.messages = messages
      self.patterns = patterns
      self.rangeEntries = rangeEntries
    }

    /// The entry at `index`'s code as ``CodeText/canonical(_:)`` writes it.
    @inline(__always)
    func codeKey(ofEntry index: Int) -> String { codes.keys[codes.groupOfEntry[index]] }

    /// Members listed by group in one array, each group's in the order given, each member once per group:
    /// `groups[g]` is group `g`'s. Built by counting, then placing (no array per group).
    struct Groups: Sendable {
      private let members: [Int]
      private let starts: [Int]

      /// Groups `0..<count` of `members`: `members[i]` belongs to group `groups[i]`, given in order of
      /// members; a member given again for the same group is left out. (Two integer arrays, not an array of
      /// pairs: building a tuple array's type costs a program's first classification a type lookup.)
      init(count: Int, groups: [Int], members given: [Int]) {
        var starts = [Int](repeating: 0, count: count + 1)
        var last = [Int](repeating: -1, count: count)
        for (group, member) in zip(groups, given) where last[group] != member {
          last[group] = member
          starts[group + 1] += 1
        }
        for group in 0..<count { starts[group + 1] += starts[group] }
        var fill = starts
        var members = [Int](repeating: 0, count: starts[count])
        last = [Int](repeating: -1, count: count)
        for (group, member) in zip(groups, given) where last[group] != member {
          last[group] = member
          members[fill[group]] = member
          fill[group] += 1
        }
        self.members = members
        self.starts = starts
      }

      subscript(group: Int) -> ArraySlice<Int> {
        @inline(__always) get { members[starts[group]..<starts[group + 1]] }
      }
    }

    /// The first index of sorted `values` whose value is not below `value` (`values.count` when none is).
    static func firstIndex(notBelow value: UInt64, in values: [UInt64]) -> Int {
      var low = 0
      var high = values.count
      while low < high {
        let middle = (low + high) / 2
        if values[middle] < value { low = middle + 1 } else { high = middle }
      }
      return low
    }

    /// An open-addressing table from hashes to ids: slot `hash & mask` onwards holds ids plus one, 0 for an
    /// empty slot. It holds hashes only; a caller verifies a hit against what the id stands for.
    struct Slots: Sendable {
      private var slots: [Int32]
      private var hashes: [UInt64]
      private let mask: Int

      /// Room for `capacity` ids, at most half full.
      init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
      }

      mutating func insert(_ hash: UInt64, id: Int) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(id + 1)
        hashes[slot] = hash
      }

      /// The first id with this hash that `matches` accepts.
      @inline(__always)
      func find(_ hash: UInt64, where matches: (Int) -> Bool) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
          let entry = Int(slots[slot])
          if entry == 0 { return nil }
          if hashes[slot] == hash, matches(entry - 1) { return entry - 1 }
          slot = (slot + 1) & mask
        }
      }
    }

    /// The hash a canonical code is found by: an integer code's value mixed (no pass over its text), a text
    /// code's bytes.
    static func hash(code: String) -> UInt64 {
      if let integer = CodeText.integer(code) { return hash(integer: integer) }
      return MessageKey.hash(key: code.utf8)
    }

    /// The entries whose code is this integer.
    @inline(__always)
    func entries(forInteger code: Int) -> ArraySlice<Int>? {
      codeSlots.find(Self.hash(integer: code)) { codes.integers[$0] == code }.map { codeGroups[$0] }
    }

    /// The hash an integer code is found by.
    @inline(__always)
    static func hash(integer: Int) -> UInt64 {
      let mixed = UInt64(bitPattern: Int64(integer)) &* 0x9E37_79B9_7F4A_7C15
      return mixed ^ (mixed >> 29)
    }

    /// The entries whose canonical code is `key`.
    func entries(forCode key: String) -> ArraySlice<Int>? {
      codeSlots.find(Self.hash(code: key)) { codes.keys[$0] == key }.map { codeGroups[$0] }
    }
  }
}

/// An entry found for a wire code or message, with the values captured from the message.
public struct CatalogMatch: Sendable, Hashable, Encodable {
  /// The entry.
  public let entry: CatalogEntry
  /// Placeholder values captured from the message, by placeholder name.
  public var parameters: [String: String] { captured ?? [:] }
  /// ``parameters``, `nil` when there are none (most matches), so that a match keeps no dictionary.
  @usableFromInline let captured: [String: String]?

  /// Creates a match without parameters.
  package init(entry: CatalogEntry) {
    self.entry = entry
    captured = nil
  }

  /// Creates a match.
  package init(entry: CatalogEntry, parameters: [String: String]) {
    self.entry = entry
    captured = parameters.isEmpty ? nil : parameters
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
