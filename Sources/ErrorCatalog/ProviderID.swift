/// The providers this package has catalogs for.
///
/// The raw value is the name `errcat` and the JSON contract use.
@nonexhaustive
public enum ProviderID: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  /// Wolkvox, the contact-centre platform (CRM and Manager APIs).
  case wolkvox
  /// 360dialog, a WhatsApp Business API provider.
  case dialog360 = "360dialog"
  /// Cequens, a WhatsApp Business API provider.
  case cequens
  /// Yeastar P-Series, the PBX.
  case yeastar
  /// GENIQ, the SMS gateway.
  case geniq
  /// Meta's WhatsApp Cloud API and Graph API codes.
  case whatsapp

  /// The provider's name as people write it.
  public var displayName: String {
    switch self {
    case .wolkvox: "Wolkvox"
    case .dialog360: "360dialog"
    case .cequens: "Cequens"
    case .yeastar: "Yeastar P-Series PBX"
    case .geniq: "GENIQ"
    case .whatsapp: "WhatsApp Cloud API"
    }
  }

  public var description: String { rawValue }
}
