/// A documented subcode: a finer reason a provider gives beside a code (Meta's `error_subcode`).
///
/// An error carrying a known subcode keeps its parent code's entry and classification; the subcode adds
/// what exactly went wrong (``ClassifiedError/subcode``).
public struct CatalogSubcode: Sendable, Hashable, CustomStringConvertible {
  /// The subcode's fields, shared: an error that carries no subcode, or one, stays one reference wide.
  @usableFromInline
  final class Storage: Sendable {
    let provider: ProviderID
    let code: String
    let parentCode: String?
    let message: String
    let explanation: String
    let source: CatalogSource

    init(
      provider: ProviderID, code: String, parentCode: String?, message: String, explanation: String,
      source: CatalogSource
    ) {
      self.provider = provider
      self.code = code
      self.parentCode = parentCode
      self.message = message
      self.explanation = explanation
      self.source = source
    }
  }

  @usableFromInline let storage: Storage

  /// The provider whose catalog documents the subcode.
  public var provider: ProviderID { storage.provider }
  /// The subcode as the provider sends it, such as `2494055`.
  public var code: String { storage.code }
  /// The code it comes with, when the provider says; `nil` when any.
  public var parentCode: String? { storage.parentCode }
  /// The provider's message for the subcode, verbatim.
  public var message: String { storage.message }
  /// What it means, in plain English.
  public var explanation: String { storage.explanation }
  /// The public document it comes from.
  public var source: CatalogSource { storage.source }

  package init(
    provider: ProviderID, code: String, parentCode: String?, message: String, explanation: String,
    source: CatalogSource
  ) {
    storage = Storage(
      provider: provider, code: code, parentCode: parentCode, message: message, explanation: explanation,
      source: source)
  }

  /// Equal when every field is equal.
  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.storage === rhs.storage
      || (lhs.provider == rhs.provider && lhs.code == rhs.code && lhs.parentCode == rhs.parentCode
        && lhs.message == rhs.message && lhs.explanation == rhs.explanation && lhs.source == rhs.source)
  }

  /// Hashes every field.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(provider)
    hasher.combine(code)
    hasher.combine(parentCode)
    hasher.combine(message)
    hasher.combine(explanation)
    hasher.combine(source)
  }

  /// `subcode <code>: message`.
  public var description: String { "subcode \(code): \(message)" }

  /// The subcode among `subcodes` for a wire subcode that came with `parentCode`, told apart by the texts
  /// the answer gave (one must contain the subcode's message) when one number has several messages. A
  /// subcode documented with another parent does not match.
  package static func match(
    _ code: String, parentCode: String?, texts: [String], in subcodes: [CatalogSubcode]
  ) -> CatalogSubcode? {
    let candidates = subcodes.filter {
      CodeText.same($0.code, code) && ($0.parentCode == nil || CodeText.same($0.parentCode, parentCode))
    }
    guard candidates.count > 1 else { return candidates.first }
    let keys = texts.map(MessageNormalization.lookupKey)
    return candidates.first { candidate in
      let wanted = MessageNormalization.lookupKey(candidate.message)
      return keys.contains { UTF8Text.contains($0.utf8, wanted.utf8) }
    }
  }
}

extension CatalogSubcode: Encodable {
  enum CodingKeys: String, CodingKey {
    case code, parentCode, message, explanation
  }

  /// Encodes the subcode, its parent code, message and explanation.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(code, forKey: .code)
    try container.encode(parentCode, forKey: .parentCode)
    try container.encode(message, forKey: .message)
    try container.encode(explanation, forKey: .explanation)
  }
}
