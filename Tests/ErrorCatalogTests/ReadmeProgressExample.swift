import Dialog360
import ErrorCatalog
import ErrorCatalogTesting
import Testing

// README-SNIPPET-BEGIN progress
/// The furthest progress seen of each message, to drop duplicate and late status webhooks.
struct StatusTracker {
  private var furthest: [String: MessageProgress] = [:]

  /// Whether `event` moves its message further: `false` for a duplicate or a late status.
  mutating func advances<Failure>(_ event: Classification<Failure>) -> Bool {
    guard let id = event.references.messageID, let progress = event.progress else { return false }
    if let seen = furthest[id], progress <= seen { return false }  // a duplicate, or late
    furthest[id] = progress
    return true
  }
}

func handleStatuses(body: [UInt8], tracker: inout StatusTracker) {
  for event in Dialog360.classifyWebhook(body: body) where tracker.advances(event) {
    switch event {
    case .success: print("delivered or read")
    case .pending: print("sent: it can still fail")
    case .failure(let error): print("failed:", error.code.map { "\($0)" } ?? "unrecognized")
    default: break
    }
  }
}
// README-SNIPPET-END

@Suite("README: dropping duplicate and late statuses")
struct ReadmeProgressExampleTests {
  func event(_ body: String) throws -> Classification<Dialog360.Error> {
    try #require(Dialog360.classifyWebhook(body: body).first)
  }

  @Test("Sent, read, then a late delivered and a duplicate read: only sent and read advance")
  func lateAndDuplicateStatuses() throws {
    var tracker = StatusTracker()
    let id = "wamid.progress-1"
    #expect(tracker.advances(try event(CatalogSamples.cloudAPIStatusWebhook(.sent, messageID: id))))
    #expect(tracker.advances(try event(CatalogSamples.cloudAPIStatusWebhook(.read, messageID: id))))
    #expect(!tracker.advances(try event(CatalogSamples.cloudAPIStatusWebhook(.delivered, messageID: id))))
    #expect(!tracker.advances(try event(CatalogSamples.cloudAPIStatusWebhook(.read, messageID: id))))
    // Another message keeps its own progress.
    #expect(tracker.advances(try event(CatalogSamples.cloudAPIStatusWebhook(.delivered, messageID: "wamid.other"))))
  }

  @Test("A failure after sent advances, and nothing advances after it")
  func failureIsFinal() throws {
    var tracker = StatusTracker()
    let id = "wamid.progress-2"
    #expect(tracker.advances(try event(CatalogSamples.cloudAPIStatusWebhook(.sent, messageID: id))))
    let failed = CatalogSamples.body(of: Dialog360.Code.cloudAPI(.reEngagementMessage), messageID: id)
    #expect(tracker.advances(try event(failed)))
    #expect(!tracker.advances(try event(CatalogSamples.cloudAPIStatusWebhook(.delivered, messageID: id))))
    var printed = StatusTracker()
    handleStatuses(body: Array(failed.utf8), tracker: &printed)
    #expect(!printed.advances(try event(failed)))
  }
}
