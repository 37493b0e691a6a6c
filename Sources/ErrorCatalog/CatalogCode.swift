/// A provider's typed code: a generated enum with one case per catalog entry.
public protocol CatalogCode: Sendable, Hashable, CustomStringConvertible {
  /// The catalog entry of this code.
  var entry: CatalogEntry { get }
  /// The code for an entry of this provider, or `nil` when the entry belongs elsewhere.
  init?(entry: CatalogEntry)
}

extension CatalogCode {
  /// What went wrong.
  public var category: ErrorCategory { entry.category }
  /// Whether and when to retry.
  public var retry: Retry { entry.retry }
  /// Whose side must act.
  public var fault: Fault { entry.fault }
  /// A wire response carrying this code, for tests.
  public var sample: SampleResponse { entry.sample }

  /// `table/name (code)`.
  public var description: String { "\(entry.table)/\(entry.name) (\(entry.code))" }
}
