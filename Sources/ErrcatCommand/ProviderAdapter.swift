import ErrorCatalog

/// What `errcat` needs of one provider.
struct ProviderAdapter: Sendable {
  /// What one body classified to: the outcome, the errors found (several for a webhook), the identifiers
  /// the answer carried, and the library value whose encoding `--json` prints.
  struct Result {
    var outcome: Outcome
    var errors: [any ProviderError]
    var references: References
    var encodable: any Encodable
  }

  let id: ProviderID
  /// Every table the provider's codes are looked up in, including the catalogs it passes through.
  let tables: [CatalogTable]
  /// The provider module's `lookup(_:)`.
  let lookup: @Sendable (String) -> [CatalogMatch]
  /// What `--kind` can name: the contract's three kinds, plus GENIQ's template management answers.
  enum BodyKind: String, CaseIterable {
    case response, webhook, report, template
  }

  /// The kinds of body this provider can classify.
  let kinds: [BodyKind]
  let classify: @Sendable (_ kind: BodyKind, _ status: Int?, _ headers: [String: String], _ body: [UInt8]) -> Result

  /// The provider's own tables, without the catalogs it passes through (for `list`).
  var ownTables: [CatalogTable] { tables.filter { $0.provider == id } }

  // `all`, every provider's adapter, is generated from the catalogs (Generated/ProviderAdapter+All.swift): a
  // catalog's tables' `call`s (else their samples' kinds) say which calls its module has.

  static func named(_ name: String) -> ProviderAdapter? {
    all.first { $0.id.rawValue == name.lowercased() }
  }

  static func result<E: ProviderError>(_ classification: Classification<E>) -> Result {
    Result(
      outcome: classification.outcome, errors: classification.error.map { [$0] } ?? [],
      references: classification.references, encodable: classification)
  }

  static func result<E: ProviderError>(_ events: [Classification<E>], provider: ProviderID) -> Result {
    let summary = WebhookSummary(provider: provider, events: events)
    return Result(
      outcome: summary.outcome, errors: summary.errors, references: summary.references, encodable: summary)
  }
}

/// A webhook's events summed up as `errcat classify --json` prints them: the contract's `provider`,
/// `outcome` (failure if any event failed, else partial, else pending, else success), `references` (the
/// first event's) and `errors` (every event's that did not succeed), plus `events`, each event's own
/// classification.
struct WebhookSummary<Failure: ProviderError>: Encodable {
  let provider: ProviderID
  let events: [Classification<Failure>]

  var outcome: Outcome {
    for outcome in [Outcome.failure, .partial, .pending] where events.contains(where: { $0.outcome == outcome }) {
      return outcome
    }
    return .success
  }

  var errors: [any ProviderError] { events.compactMap(\.error) }

  var references: References { events.first?.references ?? .none }

  enum CodingKeys: String, CodingKey {
    case provider, outcome, references, errors, events
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(provider, forKey: .provider)
    try container.encode(outcome, forKey: .outcome)
    try container.encode(references, forKey: .references)
    try container.encode(events.compactMap(\.error), forKey: .errors)
    try container.encode(events, forKey: .events)
  }
}
