/// A provider's answer that says the request succeeded, with everything it carried.
///
/// Nothing is lost on success: the message ids, recipient and request ids the answer held are in
/// ``references``, and ``entry`` is the catalog entry that says success where the provider has a code for
/// it (Yeastar `errcode` 0, GENIQ `responseCode` 0, a delivered GENIQ report).
public struct ProviderSuccess: Sendable, Hashable, CustomStringConvertible {
  /// The provider that answered.
  public let provider: ProviderID
  /// Whether the body was an API response, a webhook or a delivery report.
  public let kind: ResponseKind
  /// The HTTP status of the response, when there was one.
  public let status: Int?
  /// The catalog entry whose outcome is success, when the answer named one.
  public let entry: CatalogEntry?
  /// The identifiers the answer carried.
  public var references: References {
    switch referenceStorage {
    case .stored(let references): references
    case .deferred(let deferred, let body): deferred.read(body).references
    }
  }

  /// The references, or how to read them from the body.
  @usableFromInline
  package enum ReferenceStorage: Sendable {
    case stored(References)
    case deferred(DeferredFields, ResponseBody)
  }

  private(set) var referenceStorage: ReferenceStorage

  /// The same success with `references` kept, read from the body as its deferred reader would have.
  package func keeping(references: References) -> Self {
    var copy = self
    copy.referenceStorage = .stored(references)
    return copy
  }

  package init(
    provider: ProviderID, kind: ResponseKind, status: Int?, entry: CatalogEntry? = nil,
    references: References = .none
  ) {
    self.init(provider: provider, kind: kind, status: status, entry: entry, referenceStorage: .stored(references))
  }

  /// A success whose references are read from `body` by `deferred` when asked for.
  package init(
    provider: ProviderID, kind: ResponseKind, status: Int?, entry: CatalogEntry? = nil, deferred: DeferredFields,
    body: ResponseBody
  ) {
    self.init(
      provider: provider, kind: kind, status: status, entry: entry, referenceStorage: .deferred(deferred, body))
  }

  @usableFromInline
  package init(
    provider: ProviderID, kind: ResponseKind, status: Int?, entry: CatalogEntry?, referenceStorage: ReferenceStorage
  ) {
    self.provider = provider
    self.kind = kind
    self.status = status
    self.entry = entry
    self.referenceStorage = referenceStorage
  }

  /// Equal when provider, kind, status, entry and references are equal.
  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.provider == rhs.provider && lhs.kind == rhs.kind && lhs.status == rhs.status && lhs.entry == rhs.entry
      && lhs.references == rhs.references
  }

  /// Hashes provider, kind, status, entry and references.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(provider)
    hasher.combine(kind)
    hasher.combine(status)
    hasher.combine(entry)
    hasher.combine(references)
  }

  /// One line: provider, kind and the entry, never the identifiers' values.
  public var description: String {
    var text = "\(provider.rawValue) \(kind.rawValue) succeeded"
    if let entry { text += " (\(entry.table)/\(entry.name))" }
    if let status { text += ", HTTP \(status)" }
    return text
  }
}

extension ProviderSuccess: Encodable {
  enum CodingKeys: String, CodingKey {
    case provider, kind, status, name, table, code, references
  }

  /// Encodes the provider, kind, status, the success entry's name, table and code (or `null`), and the
  /// references.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(provider, forKey: .provider)
    try container.encode(kind, forKey: .kind)
    try container.encode(status, forKey: .status)
    try container.encode(entry?.name, forKey: .name)
    try container.encode(entry?.table, forKey: .table)
    try container.encode(entry?.code, forKey: .code)
    try container.encode(references, forKey: .references)
  }
}
