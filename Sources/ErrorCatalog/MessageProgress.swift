/// How far a message has got, in the order its statuses can only advance: accepted, sent, delivered, read;
/// failed is final.
///
/// Status webhooks and delivery reports arrive more than once and out of order. Keep, per message id
/// (`references.messageID`), the furthest progress seen, and drop any status that does not advance it:
///
/// ```swift
/// var furthest: [String: MessageProgress] = [:]
/// for event in Dialog360.classifyWebhook(body: body) {
///   guard let id = event.references.messageID, let progress = event.progress else { continue }
///   if let seen = furthest[id], progress <= seen { continue }  // a duplicate, or late
///   furthest[id] = progress
///   // act on the event
/// }
/// ```
///
/// `sent` is not final: a sent message can still fail (WhatsApp 131026 or 131049, an expiry), so a `sent`
/// status is a step, never a delivery. GENIQ's `processed` is ``accepted``; every report or webhook event
/// classified as a failure (GENIQ's `undeliverable`, `rejected`, `expired`, `exceeded_retry`, `deleted`,
/// `failed` and `unknown`) is ``failed``.
@nonexhaustive
public enum MessageProgress: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
  /// The provider accepted the message and has not sent it on yet (GENIQ `processed`).
  case accepted = 1
  /// Sent on to the channel (WhatsApp's servers, the SMS network); it can still fail.
  case sent = 2
  /// Delivered to the recipient's device.
  case delivered = 3
  /// Read (WhatsApp `read`, or `played` for a voice message).
  case read = 4
  /// Failed: final, whatever arrives after it.
  case failed = 5

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The progress a status word names (`sent`, `delivered`, …; case and `-`/`_`/space are ignored), or
  /// `nil` for a word that names none.
  package init?(status word: String) {
    let normalized = String(word.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    switch normalized {
    case "accepted", "processed", "queued", "enroute": self = .accepted
    case "sent": self = .sent
    case "delivered": self = .delivered
    case "read", "played": self = .read
    case "failed", "undeliverable", "rejected", "expired", "exceededretry", "deleted": self = .failed
    default: return nil
    }
  }
}

extension Classification {
  /// How far the message this status webhook or delivery report is about has got, from its `status`; a
  /// failure reported without a status (an error in a webhook) is ``MessageProgress/failed``. `nil` for
  /// a synchronous answer and for a status that names no progress.
  public var progress: MessageProgress? {
    let kind: ResponseKind
    switch self {
    case .success(let success): kind = success.kind
    case .partial(let error), .pending(let error), .failure(let error): kind = error.kind
    }
    guard kind != .response else { return nil }
    if let status = references.status, let progress = MessageProgress(status: status) {
      // A failed event is failed whatever its status word says.
      return outcome == .failure ? .failed : progress
    }
    return outcome == .failure ? .failed : nil
  }
}
