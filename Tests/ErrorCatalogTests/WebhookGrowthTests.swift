import Cequens
import Dialog360
import Foundation
import Testing
import WhatsApp

@testable import ErrorCatalog

/// A webhook endpoint classifies whatever it is sent and reads every event's fields (to log them, to find
/// the message they belong to). That must cost work in proportion to the body, not to its square: the
/// tests count the bytes the tree reader parses, which does not depend on the machine's speed.
@Suite("Webhooks are read in linear work", .enabled(if: JSONReader.observesParsing, "counts parsing in debug builds"))
struct WebhookGrowthTests {
  /// A Cloud API webhook of `count` statuses: every third delivered, the others failed with 131047 or an
  /// unknown code, each with its own message id and recipient.
  static func webhook(events count: Int) -> [UInt8] { webhook(eventsAt: 0..<count) }

  /// ``webhook(events:)`` with only the events at `positions`.
  static func webhook(eventsAt positions: some Sequence<Int>) -> [UInt8] {
    let statuses = positions.map { index -> String in
      let id =
        "\"id\":\"wamid.event\(index)\",\"timestamp\":\"17502637\(index % 100)\",\"recipient_id\":\"5730012\(index)\""
      switch index % 3 {
      case 0: return "{\(id),\"status\":\"delivered\"}"
      case 1:
        return
          "{\(id),\"status\":\"failed\",\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\",\"message\":\"Re-engagement message\",\"error_data\":{\"details\":\"More than 24 hours have passed since event \(index).\"}}]}"
      default:
        return
          "{\(id),\"status\":\"failed\",\"errors\":[{\"code\":999\(index % 10),\"title\":\"Unknown \(index)\",\"message\":\"Unknown \(index)\"}]}"
      }
    }
    let body =
      "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1022\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"statuses\":["
      + statuses.joined(separator: ",") + "]},\"field\":\"messages\"}]}]}"
    return Array(body.utf8)
  }

  /// What a webhook handler reads of each classification: every field, and the classification in a set.
  struct Reading {
    var messageIDs: [String?] = []
    var rawMessages: [String?] = []
    var details: [String?] = []
  }

  static let readers: [(String, @Sendable ([UInt8]) -> Reading)] = [
    ("WhatsApp", { read(WhatsApp.classifyWebhook(body: $0)) }),
    ("Dialog360", { read(Dialog360.classifyWebhook(body: $0)) }),
    ("Cequens", { read(Cequens.classifyWebhook(body: $0)) }),
  ]

  static func read<E: ProviderError>(_ results: [Classification<E>]) -> Reading {
    var reading = Reading()
    for result in results {
      reading.messageIDs.append(result.references.messageID)
      reading.rawMessages.append(result.error?.rawMessage)
      reading.details.append(result.error?.parameters["details"])
      _ = result.error?.references.recipient
      // A logger describes and encodes each error.
      _ = result.error?.description
      _ = result.error.map { try? JSONEncoder().encode($0) }
    }
    _ = Set(results)
    return reading
  }

  /// Runs `body` and returns the bytes the tree reader parsed meanwhile.
  static func parsedBytes(_ body: () -> Void) -> Int {
    let counter = Counter()
    #if DEBUG
      JSONReader.$parseObserver.withValue({ counter.add($0) }, operation: body)
    #else
      body()
    #endif
    return counter.total
  }

  final class Counter: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var bytes = 0
    func add(_ count: Int) { lock.withLock { bytes += count } }
    var total: Int { lock.withLock { bytes } }
  }

  @Test("Reading every field of 4,000 events costs about four times 1,000 events", arguments: readers.map(\.0))
  func linearGrowth(provider: String) {
    let reader = Self.readers.first { $0.0 == provider }!.1
    let small = Self.webhook(events: 1000)
    let large = Self.webhook(events: 4000)
    let smallWork = Self.parsedBytes { _ = reader(small) }
    let largeWork = Self.parsedBytes { _ = reader(large) }
    // Reading each event's fields from a fresh parse would be 16 times the work for 4 times the events.
    #expect(largeWork <= 5 * smallWork, "1,000 events: \(smallWork) bytes parsed; 4,000: \(largeWork)")
    // A few readings of the whole body at most, whatever the number of events.
    #expect(largeWork <= 4 * large.count, "\(largeWork) bytes parsed for a body of \(large.count)")
  }

  @Test("Each event keeps its own fields, as when it is the webhook's only event", arguments: readers.map(\.0))
  func fieldsMatchTheirEvent(provider: String) throws {
    let reader = Self.readers.first { $0.0 == provider }!.1
    let reading = reader(Self.webhook(events: 30))
    #expect(reading.messageIDs == (0..<30).map { "wamid.event\($0)" })
    for index in 0..<30 {
      // The same event alone in a webhook: its fields are read lazily, from the body, when asked for.
      let single = reader(Self.webhook(eventsAt: [index]))
      try #require(single.messageIDs == ["wamid.event\(index)"])
      #expect(reading.rawMessages[index] == single.rawMessages[0], "event \(index)")
      #expect(reading.details[index] == single.details[0], "event \(index)")
    }
    #expect(reading.details[1] == "More than 24 hours have passed since event 1.")
    #expect(reading.rawMessages[2] == "Unknown 2")
    #expect(reading.rawMessages[0] == nil)
  }

  @Test("Errors from one webhook compare and hash without reading the body again")
  func equalityReadsNothing() {
    let results = WhatsApp.classifyWebhook(body: Self.webhook(events: 200))
    let work = Self.parsedBytes {
      _ = Set(results)
      _ = results == results
      for result in results { _ = result.error?.parameters }
    }
    #expect(work == 0)
  }

  @Test("A webhook over the 1 MiB limit gives one failure that says its events were not read")
  func overTheLimit() throws {
    var events = 6000
    while Self.webhook(events: events).count <= ResponseBody.storedLimit { events += 1000 }
    let body = Self.webhook(events: events)
    let results = WhatsApp.classifyWebhook(body: body)
    try #require(results.count == 1)
    let error = try #require(results[0].error)
    #expect(!error.isRecognized)
    #expect(error.body.isTruncated && error.body.totalCount == body.count)
    #expect(error.description.contains("body of \(body.count) bytes, not read: over the 1048576-byte limit"))
  }
}
