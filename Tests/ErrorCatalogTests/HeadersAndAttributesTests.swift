import Dialog360
import ErrorCatalog
import ErrorCatalogFoundation
import ErrorCatalogTesting
import Foundation
import GENIQ
import Testing
import WhatsApp
import Wolkvox

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Headers as name/value pairs")
struct HeaderPairsTests {
  @Test("A repeated Retry-After: the first occurrence is read, whatever the case of its name")
  func firstOccurrenceWins() {
    let headers = [("retry-after", "5"), ("Retry-After", "60"), ("RETRY-AFTER", "600")]
    #expect(Wolkvox.classify(status: 503, headers: headers, body: "").error?.retryAfterSeconds == 5)
    #expect(GENIQ.classifyTemplateResponse(status: 503, headers: headers, body: "").error?.retryAfterSeconds == 5)
  }

  @Test("Pairs and a dictionary classify alike")
  func pairsMatchDictionary() {
    let body =
      #"{"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429,"fbtrace_id":"Az8"}}"#
    let pairs = WhatsApp.classify(status: 400, headers: [("Retry-After", "9"), ("X-FB-Trace-ID", "T1")], body: body)
    let dictionary = WhatsApp.classify(status: 400, headers: ["Retry-After": "9", "X-FB-Trace-ID": "T1"], body: body)
    #expect(pairs == dictionary)
    #expect(pairs.error?.retryAfterSeconds == 9)
  }

  @Test("URLSession's joined Retry-After values: the first is read")
  func foundationJoinedValues() throws {
    let url = URL(fileURLWithPath: "/")
    for (joined, expected) in [("7, 30", 7), ("Thu, 01 Jan 2026 00:00:10 GMT, Thu, 01 Jan 2026 00:10:00 GMT", 10)] {
      let response = try #require(
        HTTPURLResponse(url: url, statusCode: 503, httpVersion: nil, headerFields: ["Retry-After": joined]))
      let now = Date(timeIntervalSince1970: 1_767_225_600)
      #expect(Wolkvox.classify(response, data: Data(), now: now).error?.retryAfterSeconds == expected, "\(joined)")
    }
  }

  @Test("A Date outside any clock's range classifies (a delay still reads; a date gives no delay), never traps")
  func extremeDates() throws {
    let url = URL(fileURLWithPath: "/")
    for seconds in [Double.infinity, -Double.infinity, .nan, 1e300, -1e300] {
      let now = Date(timeIntervalSince1970: seconds)
      let delay = try #require(
        HTTPURLResponse(url: url, statusCode: 503, httpVersion: nil, headerFields: ["Retry-After": "30"]))
      #expect(Wolkvox.classify(delay, data: Data(), now: now).error?.retryAfterSeconds == 30, "\(seconds)")
      let date = try #require(
        HTTPURLResponse(
          url: url, statusCode: 503, httpVersion: nil, headerFields: ["Retry-After": "Thu, 01 Jan 2026 00:00:10 GMT"]))
      #expect(Wolkvox.classify(date, data: Data(), now: now).error?.status == 503, "\(seconds)")
    }
  }
}

@Suite("Log attributes")
struct LogAttributesTests {
  @Test("A recognized error: OpenTelemetry names where they exist, errcat.* for the classification")
  func recognized() throws {
    let error = try #require(CatalogSamples.classify(Wolkvox.Code.tokenLimitExceeded).first?.error)
    let attributes = error.logAttributes
    #expect(attributes["error.type"] == "wolkvox.api.tokenLimitExceeded")
    #expect(attributes["http.response.status_code"] == "403")
    #expect(attributes["errcat.provider"] == "wolkvox")
    #expect(attributes["errcat.code"] == "403")
    #expect(attributes["errcat.category"] == error.category.rawValue)
    #expect(attributes["errcat.retry"] == error.retry.rawValue)
    #expect(attributes["errcat.fault"] == error.fault.rawValue)
    #expect(attributes["errcat.outcome"] == "failure")
  }

  @Test("A passed-through Meta code names Meta's table in error.type and 360dialog as the provider")
  func passedThrough() throws {
    let body = #"{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047}}"#
    let error = try #require(Dialog360.classify(status: 400, body: body).error)
    #expect(error.logAttributes["errcat.provider"] == "360dialog")
    #expect(error.logAttributes["error.type"]?.hasPrefix("whatsapp.") == true)
  }

  @Test("An unrecognized error keeps a short numeric code and drops anything token-like")
  func unrecognized() throws {
    let numeric = try #require(Wolkvox.classify(status: 418, body: #"{"code":98765,"msg":"new"}"#).error)
    #expect(numeric.logAttributes["error.type"] == "wolkvox.unrecognized")
    #expect(numeric.logAttributes["errcat.code"] == "98765")
    let tokenLike = try #require(
      Wolkvox.classify(status: 418, body: #"{"code":"sk_live_abcdef123456","msg":"x"}"#).error)
    #expect(tokenLike.logAttributes["errcat.code"] == nil)
  }

  @Test("No attribute holds the body, the raw message, a parameter or the recipient")
  func nothingSensitive() throws {
    let body = """
      {"entry":[{"changes":[{"value":{"statuses":[{"id":"wamid.MSG1","status":"failed","recipient_id":"4915112345678",\
      "errors":[{"code":131026,"title":"Message undeliverable","message":"Message undeliverable to 4915112345678"}]}]}}]}]}
      """
    let error = try #require(WhatsApp.classifyWebhook(body: body).compactMap(\.error).first)
    let values = error.logAttributes.values
    #expect(error.logAttributes["errcat.message_id"] == "wamid.MSG1")
    #expect(!values.contains { $0.contains("4915112345678") })
    for entry in CatalogSamples.allEntries {
      for error in CatalogSamples.classify(entry).compactMap(\.error) {
        let values = error.logAttributes.values
        if let raw = error.rawMessage, raw.count > 12, raw != error.entry?.code {
          #expect(!values.contains(raw), "\(entry)")
        }
        if let recipient = error.references.recipient {
          #expect(!values.contains { $0.contains(recipient) }, "\(entry)")
        }
      }
    }
  }
}
