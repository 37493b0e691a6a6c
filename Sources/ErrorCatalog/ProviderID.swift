/// Which provider answered: an open set, like an error number.
///
/// The raw value is the name `errcat` and the JSON contract use (`"wolkvox"`, `"360dialog"`). Each provider
/// module declares its own member, generated from its catalog (`ProviderID.wolkvox` comes with `import
/// Wolkvox`), so this module names no provider and a new catalog needs no change here.
///
/// Two identifiers are equal when their raw values are; ``displayName`` is not compared, hashed or encoded.
/// An identifier made from a raw value alone (decoded from JSON, for instance) shows its raw value as its
/// display name.
public struct ProviderID: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
  /// The provider's name in `errcat` and the JSON contract.
  public let rawValue: String
  /// The provider's name as people write it.
  public let displayName: String

  /// The provider whose raw value is `rawValue`; its display name is `rawValue`.
  public init(rawValue: String) {
    self.rawValue = rawValue
    displayName = rawValue
  }

  /// A provider with the name people write for it.
  public init(rawValue: String, displayName: String) {
    self.rawValue = rawValue
    self.displayName = displayName
  }

  public static func == (lhs: ProviderID, rhs: ProviderID) -> Bool { lhs.rawValue == rhs.rawValue }

  public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

  public init(from decoder: any Decoder) throws {
    self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public var description: String { rawValue }
}
