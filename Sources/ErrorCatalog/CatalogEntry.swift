/// One documented code of one provider: what it says on the wire, what it means, and what to do.
///
/// Entries are compiled into each provider module from `Catalogs/*.json`; nothing is loaded at run time.
/// Two entries are equal when they are the same code of the same table of the same provider.
public struct CatalogEntry: Sendable, Hashable, CustomStringConvertible {
  /// The entry's fields, shared: an entry is copied wherever a match or an error goes, and one reference
  /// copies faster than twenty.
  @usableFromInline
  final class Storage: Sendable {
    let provider: ProviderID
    let table: String
    let name: String
    let code: String
    let codeRange: ClosedRange<Int>?
    let status: Int?
    let message: String
    let title: String?
    let patterns: [String]
    let explanation: String
    let remedy: String
    let category: ErrorCategory
    let retry: Retry
    let fault: Fault
    let situation: Situation?
    let outcome: Outcome
    let isDeprecated: Bool
    let isVariant: Bool
    let sample: SampleResponse
    let source: CatalogSource
    let delivery: Delivery
    let deliveryReason: String
    let wait: CatalogWait?
    /// The entry's position in its table (`-1` until the table is built).
    @usableFromInline let position: Int

    init(
      provider: ProviderID, table: String, name: String, code: String, codeRange: ClosedRange<Int>?, status: Int?,
      message: String, title: String?, patterns: [String], explanation: String, remedy: String, category: ErrorCategory,
      retry: Retry, fault: Fault, situation: Situation?, outcome: Outcome, isDeprecated: Bool, isVariant: Bool,
      sample: SampleResponse, source: CatalogSource, delivery: Delivery, deliveryReason: String, wait: CatalogWait?,
      position: Int = -1
    ) {
      self.provider = provider
      self.table = table
      self.name = name
      self.code = code
      self.codeRange = codeRange
      self.status = status
      self.message = message
      self.title = title
      self.patterns = patterns
      self.explanation = explanation
      self.remedy = remedy
      self.category = category
      self.retry = retry
      self.fault = fault
      self.situation = situation
      self.outcome = outcome
      self.isDeprecated = isDeprecated
      self.isVariant = isVariant
      self.sample = sample
      self.source = source
      self.delivery = delivery
      self.deliveryReason = deliveryReason
      self.wait = wait
      self.position = position
    }
  }

  @usableFromInline let storage: Storage

  /// The entry's position in its table's ``CatalogTable/entries``, so that generated code enums listed in
  /// catalog order can find an entry's case without looking its name up.
  @inlinable package var position: Int { storage.position }

  /// The same entry, knowing its position in its table.
  init(_ entry: CatalogEntry, position: Int) {
    let old = entry.storage
    storage = Storage(
      provider: old.provider, table: old.table, name: old.name, code: old.code, codeRange: old.codeRange,
      status: old.status, message: old.message, title: old.title, patterns: old.patterns,
      explanation: old.explanation, remedy: old.remedy, category: old.category, retry: old.retry, fault: old.fault,
      situation: old.situation, outcome: old.outcome, isDeprecated: old.isDeprecated, isVariant: old.isVariant,
      sample: old.sample, source: old.source, delivery: old.delivery, deliveryReason: old.deliveryReason,
      wait: old.wait, position: position)
  }

  /// The provider that documents the code.
  public var provider: ProviderID { storage.provider }
  /// The table (number space) the code belongs to, such as `api` or `webhook`.
  public var table: String { storage.table }
  /// The Swift case name of the code, such as `tokenLimitExceeded`.
  public var name: String { storage.name }
  /// The wire code as the provider sends it, as a string (`"403"`, `"-2"`, `"MISSING_TOKEN"`).
  public var code: String { storage.code }
  /// The integer codes this entry stands for besides its own, when the provider documents a range (Meta's
  /// `200...299` permission errors); an exact code of another entry wins over a range.
  public var codeRange: ClosedRange<Int>? { storage.codeRange }
  /// The HTTP status the code comes with, where there is one.
  public var status: Int? { storage.status }
  /// The provider's message, verbatim (typos included).
  public var message: String { storage.message }
  /// A short title the provider gives the code, when it differs from the message.
  public var title: String? { storage.title }
  /// Further wire forms of the message; `{name}` placeholders capture values.
  public var patterns: [String] { storage.patterns }
  /// What happened, in plain English.
  public var explanation: String { storage.explanation }
  /// What to do about it, in plain English.
  public var remedy: String { storage.remedy }
  /// What went wrong.
  public var category: ErrorCategory { storage.category }
  /// Whether and when to retry.
  public var retry: Retry { storage.retry }
  /// Whose side must act.
  public var fault: Fault { storage.fault }
  /// The provider-independent situation this code is an instance of, if any.
  public var situation: Situation? { storage.situation }
  /// How a response carrying this code ends; `.failure` for every error code.
  public var outcome: Outcome { storage.outcome }
  /// Whether the provider marks the code as deprecated.
  public var isDeprecated: Bool { storage.isDeprecated }
  /// Whether the entry is one wire variant (its own message) of a code another entry of its table stands
  /// for: it is found by its message only, so the code with any other message keeps the main entry.
  package var isVariant: Bool { storage.isVariant }
  /// A wire response carrying this code, usable as a test fixture.
  public var sample: SampleResponse { storage.sample }
  /// The public document the entry comes from.
  public var source: CatalogSource { storage.source }
  /// What became of the request when the provider answers with this code, in a synchronous answer: whether
  /// sending it again can deliver it twice (``deliveryReason`` says why). Reported in a webhook or a
  /// delivery report, the same code means ``Delivery/acceptedThenFailed``.
  public var delivery: Delivery { storage.delivery }
  /// Why ``delivery`` is what it is.
  public var deliveryReason: String { storage.deliveryReason }
  /// The wait the provider documents for this code, if any: a minimum, a window, or the parameter of the
  /// message that states it.
  public var wait: CatalogWait? { storage.wait }

  /// Creates an entry; generated code calls this.
  package init(
    provider: ProviderID, table: String, name: String, code: String, codeRange: ClosedRange<Int>? = nil,
    status: Int?, message: String,
    title: String? = nil, patterns: [String] = [], explanation: String, remedy: String,
    category: ErrorCategory, retry: Retry, fault: Fault, situation: Situation? = nil, outcome: Outcome = .failure,
    isDeprecated: Bool = false, isVariant: Bool = false, sample: SampleResponse, source: CatalogSource,
    delivery: Delivery, deliveryReason: String, wait: CatalogWait? = nil, position: Int = -1
  ) {
    storage = Storage(
      provider: provider, table: table, name: name, code: code, codeRange: codeRange, status: status, message: message,
      title: title, patterns: patterns, explanation: explanation, remedy: remedy, category: category, retry: retry,
      fault: fault, situation: situation, outcome: outcome, isDeprecated: isDeprecated, isVariant: isVariant,
      sample: sample, source: source, delivery: delivery, deliveryReason: deliveryReason, wait: wait,
      position: position)
  }

  /// What the entries of one generated table share: its provider and id, the documents they come from and
  /// their delivery rules, each given once. A generated table builds every entry through one, so that each
  /// entry's code in the table's initialiser passes only what is its own (indexes for the shared parts).
  package final class Maker: Sendable {
    let provider: ProviderID
    let table: String
    let sources: [CatalogSource]
    let deliveries: [(Delivery, String)]

    package init(provider: ProviderID, table: String, sources: [CatalogSource], deliveries: [(Delivery, String)]) {
      self.provider = provider
      self.table = table
      self.sources = sources
      self.deliveries = deliveries
    }

    /// An entry with no title, range, pattern, wait, header or mark, that fails as a whole (most of them).
    @inline(never)
    package func entry(
      name: String, code: String, status: Int?, message: String, explanation: String, remedy: String,
      category: ErrorCategory, retry: Retry, fault: Fault, situation: Situation?, sampleKind: ResponseKind,
      sampleStatus: Int?, sampleBody: String, source: Int, delivery: Int, position: Int
    ) -> CatalogEntry {
      detailedEntry(
        name: name, code: code, codeRange: nil, status: status, message: message, title: nil, patterns: [],
        explanation: explanation, remedy: remedy, category: category, retry: retry, fault: fault,
        situation: situation, outcome: .failure, isDeprecated: false, isVariant: false,
        sample: SampleResponse(kind: sampleKind, status: sampleStatus, body: sampleBody), source: source,
        delivery: delivery, wait: nil, position: position)
    }

    /// Any entry; `source` and `delivery` index ``sources`` and ``deliveries``.
    @inline(never)
    package func detailedEntry(
      name: String, code: String, codeRange: ClosedRange<Int>?, status: Int?, message: String, title: String?,
      patterns: [String], explanation: String, remedy: String, category: ErrorCategory, retry: Retry, fault: Fault,
      situation: Situation?, outcome: Outcome, isDeprecated: Bool, isVariant: Bool, sample: SampleResponse,
      source: Int, delivery: Int, wait: CatalogWait?, position: Int
    ) -> CatalogEntry {
      let (fate, reason) = deliveries[delivery]
      return CatalogEntry(
        provider: provider, table: table, name: name, code: code, codeRange: codeRange, status: status,
        message: message, title: title, patterns: patterns, explanation: explanation, remedy: remedy,
        category: category, retry: retry, fault: fault, situation: situation, outcome: outcome,
        isDeprecated: isDeprecated, isVariant: isVariant, sample: sample, source: sources[source], delivery: fate,
        deliveryReason: reason, wait: wait, position: position)
    }
  }

  public static func == (lhs: CatalogEntry, rhs: CatalogEntry) -> Bool {
    lhs.storage === rhs.storage || lhs.provider == rhs.provider && lhs.table == rhs.table && lhs.name == rhs.name
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(provider)
    hasher.combine(table)
    hasher.combine(name)
  }

  /// `provider/table/name (code): message`.
  public var description: String { "\(provider.rawValue)/\(table)/\(name) (\(code)): \(message)" }
}

/// A public document a catalog entry comes from.
public struct CatalogSource: Sendable, Hashable {
  /// The document's title.
  public let title: String
  /// Where the document is published, when known.
  public let url: String?
  /// The seed file the entry was built from, when it was one of the project's seeds: a path into this
  /// repository's history, which means nothing to a client, so it is not public API.
  @usableFromInline package let document: String?

  /// Creates a source.
  @inlinable
  package init(title: String, url: String? = nil, document: String? = nil) {
    self.title = title
    self.url = url
    self.document = document
  }
}

/// A wire response exactly as a provider sends it.
///
/// Every catalog entry carries one, so that integrations can test their handling of each code without
/// calling the provider.
public struct SampleResponse: Sendable, Hashable {
  /// Whether this is an API response, a webhook or a delivery report.
  public let kind: ResponseKind
  /// The HTTP status, or `nil` for webhooks and reports.
  public let status: Int?
  /// Response headers worth having, such as `Retry-After`.
  public var headers: [String: String] {
    var headers: [String: String] = [:]
    for index in stride(from: 0, to: headerPairs.count - 1, by: 2) {
      headers[headerPairs[index]] = headerPairs[index + 1]
    }
    return headers
  }
  /// The headers as name, value, name, value…, sorted by name: kept as strings so that building a table
  /// builds no dictionary type (see ``CatalogTable``).
  @usableFromInline let headerPairs: [String]
  /// The body, byte for byte.
  public let body: String

  /// Creates a sample response.
  package init(kind: ResponseKind, status: Int?, headers: [String: String], body: String) {
    self.init(
      kind: kind, status: status, headerPairs: headers.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] },
      body: body)
  }

  /// Creates a sample response from header names and values, alternating; generated code calls this.
  @inlinable
  package init(kind: ResponseKind, status: Int?, headerPairs: [String] = [], body: String) {
    self.kind = kind
    self.status = status
    self.headerPairs = headerPairs
    self.body = body
  }

  /// The body as bytes.
  public var bodyBytes: [UInt8] { Array(body.utf8) }
}

extension CatalogEntry: Encodable {
  enum CodingKeys: String, CodingKey {
    case provider, table, name, code, status, message, title, category, retry, fault, situation, explanation
    case remedy, outcome, deprecated, source, delivery, deliveryReason, wait
  }

  enum WaitKeys: String, CodingKey {
    case kind, seconds, parameter, source
  }

  /// Encodes an entry as `errcat explain --json` and `errcat list --json` print it.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(provider, forKey: .provider)
    try container.encode(table, forKey: .table)
    try container.encode(name, forKey: .name)
    try container.encode(code, forKey: .code)
    try container.encode(status, forKey: .status)
    try container.encode(message, forKey: .message)
    try container.encode(title, forKey: .title)
    try container.encode(category, forKey: .category)
    try container.encode(retry, forKey: .retry)
    try container.encode(fault, forKey: .fault)
    try container.encode(situation, forKey: .situation)
    try container.encode(explanation, forKey: .explanation)
    try container.encode(remedy, forKey: .remedy)
    try container.encode(outcome, forKey: .outcome)
    try container.encode(isDeprecated, forKey: .deprecated)
    try container.encode(source.url ?? source.title, forKey: .source)
    try container.encode(delivery, forKey: .delivery)
    try container.encode(deliveryReason, forKey: .deliveryReason)
    if let wait {
      var nested = container.nestedContainer(keyedBy: WaitKeys.self, forKey: .wait)
      try nested.encode(wait.kind, forKey: .kind)
      try nested.encode(wait.seconds, forKey: .seconds)
      try nested.encode(wait.parameter, forKey: .parameter)
      try nested.encode(wait.source, forKey: .source)
    } else {
      try container.encodeNil(forKey: .wait)
    }
  }
}
