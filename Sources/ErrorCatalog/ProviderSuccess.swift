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
  public let references: References

  package init(
    provider: ProviderID, kind: ResponseKind, status: Int?, entry: CatalogEntry? = nil,
    references: References = .none
  ) {
    self.provider = provider
    self.kind = kind
    self.status = status
    self.entry = entry
    self.references = references
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
