/// The identifiers a provider's answer carried: message ids, the recipient, request and trace ids.
///
/// Every outcome keeps them, success included, under the same names for every provider, so that a
/// delivered report can be matched to the message it is about and a failure can be quoted to support.
///
/// | name | what it is | where it comes from |
/// | --- | --- | --- |
/// | `messageID` | the message the answer is about | WhatsApp `messages[].id` and `statuses[].id`, GENIQ `messageIds` / `messageId` |
/// | `messageIDs` | every message id, when an answer names several (``messageIDs`` splits them) | GENIQ `messageIds` |
/// | `recipient` | the recipient's number or WhatsApp id | WhatsApp `contacts[].wa_id` and `statuses[].recipient_id`, GENIQ `recipient` |
/// | `sender` | who sent an inbound message that failed | WhatsApp `messages[].from` |
/// | `requestID` | the provider's id of the request | GENIQ `reference`, Cequens `requestId`, `X-FB-Request-ID` |
/// | `clientRequestID` | the id the caller gave the request | Cequens `clientRequestId` |
/// | `traceID` | the id support asks for | Meta `fbtrace_id`, `X-FB-Trace-ID` |
/// | `status` | the delivery status a webhook or report gives | WhatsApp `statuses[].status`, GENIQ `status` |
/// | `timestamp` | when the provider says it happened | WhatsApp `statuses[].timestamp`, GENIQ `messageTimestamp` |
/// | `callID` | a PBX call | Yeastar `call_id` |
/// | `id` | the id of a created PBX object | Yeastar `id` |
///
/// Providers add names where they have more (GENIQ's `channel`, `operatorTimestamp`,
/// `providerTimestamp`; WhatsApp's `conversationID`). A name is absent when the answer did not carry it.
/// ``description`` lists the names only: the values can be phone numbers.
public struct References: Sendable, Hashable, CustomStringConvertible {
  /// Every identifier, by name.
  public let values: [String: String]

  package init(_ values: [String: String] = [:]) {
    self.values = values.filter { !$0.value.isEmpty }
  }

  /// No identifiers.
  public static let none = References()

  /// The identifier with this name, if the answer carried one.
  public subscript(name: String) -> String? { values[name] }

  /// Whether the answer carried no identifier.
  public var isEmpty: Bool { values.isEmpty }

  /// The message the answer is about.
  public var messageID: String? { values["messageID"] }
  /// The recipient's number or WhatsApp id.
  public var recipient: String? { values["recipient"] }
  /// The provider's id of the request.
  public var requestID: String? { values["requestID"] }
  /// The id the provider's support asks for.
  public var traceID: String? { values["traceID"] }
  /// The delivery status a webhook or report gives.
  public var status: String? { values["status"] }
  /// When the provider says it happened.
  public var timestamp: String? { values["timestamp"] }
  /// Every message id the answer names, in the order given: all of them when it names several (GENIQ's
  /// `messageIds`), else ``messageID`` alone; empty when it names none.
  public var messageIDs: [String] {
    guard let joined = values["messageIDs"] else { return messageID.map { [$0] } ?? [] }
    return joined.split(separator: ",").map { String($0.drop { $0 == " " }) }.filter { !$0.isEmpty }
  }
  /// Who sent an inbound message that failed (WhatsApp `messages[].from`).
  public var sender: String? { values["sender"] }
  /// The id the caller gave the request (Cequens `clientRequestId`).
  public var clientRequestID: String? { values["clientRequestID"] }
  /// A PBX call (Yeastar `call_id`).
  public var callID: String? { values["callID"] }
  /// The channel a report is about (GENIQ `channel`: `sms`, `whatsapp`, …).
  public var channel: String? { values["channel"] }
  /// The WhatsApp conversation a status belongs to (`statuses[].conversation.id`).
  public var conversationID: String? { values["conversationID"] }

  /// These references with `other`'s added; where both have a name, `other` wins.
  package func merging(_ other: References) -> References {
    References(values.merging(other.values) { _, new in new })
  }

  /// The names present, never the values.
  public var description: String {
    values.isEmpty ? "no references" : "references: " + values.keys.sorted().joined(separator: ", ")
  }
}

extension References: Encodable {
  /// Encodes a flat object of the identifiers present, by name.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: NameKey.self)
    for (name, value) in values.sorted(by: { $0.key < $1.key }) {
      try container.encode(value, forKey: NameKey(name))
    }
  }
}

/// A coding key for an open set of names.
struct NameKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ name: String) { stringValue = name }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
