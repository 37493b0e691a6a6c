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

extension CatalogCode {
  /// Whether `error` is a classified error carrying this code, from any provider that reports it (a Meta
  /// code passed through by 360dialog matches `WhatsApp.Code` as well as `Dialog360.Code`).
  ///
  /// Swift reads `catch Wolkvox.Code.tokenLimitExceeded` as an enum-case pattern, which never consults
  /// `~=` (and a code is not the error thrown), so catch by code with a `where` clause. Since
  /// ``Classification/get()`` throws the provider's own error type, a `do` block that only calls it
  /// catches a typed `Wolkvox.Error`:
  ///
  /// ```swift
  /// do {
  ///   let sent = try Wolkvox.classify(status: status, body: body).get()
  /// } catch let error where Wolkvox.Code.tokenLimitExceeded ~= error {
  ///   // wait for the daily reset
  /// } catch let error where error.code == .tooManySimultaneousRequests {
  ///   // retry shortly
  /// }
  /// ```
  public static func ~= (code: Self, error: any Error) -> Bool {
    guard let error = error as? any ProviderError, let entry = error.entry else { return false }
    return entry == code.entry
  }
}

extension CatalogCode where Self: CaseIterable, AllCases == [Self] {
  /// The code of an entry of this code's table, as ``init(entry:)`` finds it: by the entry's position when
  /// the cases are listed in catalog order (generated enums are), checked by identity, else by name.
  @inlinable
  package static func code(of entry: CatalogEntry) -> Self? {
    let position = entry.position
    if position >= 0 {
      let all = allCases
      if position < all.count, all[position].entry.storage === entry.storage { return all[position] }
    }
    return Self(entry: entry)
  }
}
