import ErrorCatalog
import Foundation
import Testing
import Wolkvox

/// `Retry-After` as RFC 9110 defines it, read strictly.
@Suite("Retry-After")
struct RetryAfterTests {
  /// 1994-11-06 08:49:37 UTC, the RFC's example date.
  static let example: Int64 = 784_111_777
  /// 2026-01-01 00:00:00 UTC.
  static let now2026 = 1_767_225_600.0

  @Test("A Retry-After date is measured from the WallClockTime a classification is given, or from the clock")
  func wallClockTime() {
    let noon = WallClockTime(sinceEpoch: .seconds(1_767_268_800))
    let headers = ["Retry-After": "Thu, 01 Jan 2026 12:00:30 GMT"]
    let body = ResponseBody("busy")
    #expect(Wolkvox.classify(status: 503, headers: headers, body: body, now: noon).error?.retryAfterSeconds == 30)
    let later = WallClockTime(sinceEpoch: noon.sinceEpoch + .milliseconds(10_500))
    #expect(later > noon)
    #expect(Wolkvox.classify(status: 503, headers: headers, body: body, now: later).error?.retryAfterSeconds == 20)
    // The clock is the system's real-time clock, as Foundation reads it.
    let clock = WallClockTime.now.sinceEpoch.components.seconds
    #expect(abs(clock - Int64(Date().timeIntervalSince1970)) <= 2)
  }

  @Test(
    "The three date forms of RFC 9110 all read as the same instant",
    arguments: ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"])
  func dateForms(text: String) {
    #expect(RetryAfter.httpDate(text) == Self.example)
    #expect(RetryAfter.seconds(from: text, now: Double(Self.example) - 90) == 90)
  }

  @Test("Delay seconds, white space around the value, and a date in the past")
  func delays() {
    #expect(RetryAfter.seconds(from: "120", now: 0) == 120)
    #expect(RetryAfter.seconds(from: " \t120 ", now: 0) == 120)
    #expect(RetryAfter.seconds(from: "0", now: 0) == 0)
    #expect(RetryAfter.seconds(from: "Sun, 06 Nov 1994 08:49:37 GMT", now: Self.now2026) == 0)
    #expect(RetryAfter.httpDate("Thu, 01 Jan 1970 00:00:00 GMT") == 0)
    #expect(RetryAfter.httpDate("Tue, 29 Feb 2000 12:00:00 GMT") == 951_825_600)
    #expect(RetryAfter.httpDate("Sat, 31 Dec 2016 23:59:60 GMT") != nil, "a leap second")
  }

  @Test(
    "Malformed values are rejected",
    arguments: [
      "", " ", "-1", "+5", "1.5", "12 s", "0x10", "١٢٣",
      "Sun, 06 Nov 1994 08:xx:49:37 GMT", "Sun, 06 Nov 1994 08:49 GMT", "Sun, 06 Nov 1994 8:49:37 GMT",
      "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:00 GMT", "Sun, 06 Nov 1994 08:49:61 GMT",
      "Wed, 31 Feb 2024 08:49:37 GMT", "Sat, 29 Feb 2025 08:49:37 GMT", "Mon, 29 Feb 1900 08:49:37 GMT",
      "Thu, 31 Apr 2024 08:49:37 GMT", "Sun, 00 Nov 1994 08:49:37 GMT", "Sun, 32 Nov 1994 08:49:37 GMT",
      "Xyz, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Xyz 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 UTC",
      "Sun, 06 Nov 1994 08:49:37", "Sun, 6 Nov 1994 08:49:37 GMT", "Sun 06 Nov 1994 08:49:37 GMT",
      "Sun,  06 Nov 1994 08:49:37 GMT", "sun, 06 nov 1994 08:49:37 gmt", "Sun, 06 Nov 94 08:49:37 GMT",
      "Sun, 06 Nov 1994 08:49:37 GMT extra", "Sunday, 06-Nov-1994 08:49:37 GMT", "Sun, 06-Nov-94 08:49:37 GMT",
      "Sunday, 31-Feb-94 08:49:37 GMT", "Sun Nov 6 08:49:37 1994", "Sun Nov  6 08:49:37 94", "Sun Nov 31 08:49:37 1994",
      "Sun Nov  6 08:49:37 1994 GMT",
    ])
  func malformed(text: String) {
    #expect(RetryAfter.seconds(from: text, now: 0) == nil)
    #expect(RetryAfter.httpDate(text) == nil)
  }

  @Test("One cap for both forms")
  func cap() {
    let cap = RetryAfter.maximumSeconds
    #expect(cap == Int(Int32.max))
    #expect(RetryAfter.seconds(from: "99999999999999999999999999999999", now: 0) == cap)
    #expect(RetryAfter.seconds(from: String(cap), now: 0) == cap)
    #expect(RetryAfter.seconds(from: String(cap - 1), now: 0) == cap - 1)
    #expect(RetryAfter.seconds(from: "Fri, 31 Dec 9999 23:59:59 GMT", now: 0) == cap)
    #expect(RetryAfter.seconds(from: "Fri, 31 Dec 9999 23:59:59 GMT", now: -1e300) == cap)
  }

  @Test(
    "No value of now traps: delays stand, dates need a finite now",
    arguments: [
      Double.nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e30, -1e30,
      .leastNonzeroMagnitude, -0.0,
    ])
  func anyNow(now: Double) {
    #expect(RetryAfter.seconds(from: "30", now: now) == 30)
    let date = RetryAfter.seconds(from: "Sun, 06 Nov 1994 08:49:37 GMT", now: now)
    let twoDigit = RetryAfter.seconds(from: "Sunday, 06-Nov-94 08:49:37 GMT", now: now)
    if now.isFinite {
      #expect(date != nil)
      #expect(twoDigit != nil)
    } else {
      #expect(date == nil)
      #expect(twoDigit == nil)
    }
  }

  @Test("An RFC 850 year more than 50 years ahead is the last such year in the past")
  func twoDigitYears() {
    // In 2026, 94 is 1994 (2094 is more than 50 years ahead) and 30 is 2030.
    #expect(RetryAfter.seconds(from: "Sunday, 06-Nov-94 08:49:37 GMT", now: Self.now2026) == 0)
    let in2030 = RetryAfter.seconds(from: "Friday, 01-Jan-30 00:00:00 GMT", now: Self.now2026)
    #expect(in2030 == 4 * 365 * 86_400 + 86_400)
  }

  @Test("Header names are case-insensitive and a repeated name gives one answer every time")
  func headerLookup() {
    #expect(HTTPHeaderLookup.value("Retry-After", in: ["retry-after": "5"]) == "5")
    #expect(HTTPHeaderLookup.value("Retry-After", in: ["Retry-After": "1", "retry-after": "2"]) == "1")
    #expect(HTTPHeaderLookup.value("retry-after", in: ["Retry-After": "1", "retry-after": "2"]) == "2")
    let spellings = ["RETRY-AFTER": "3", "Retry-after": "4", "retry-After": "5", "retry-after": "6"]
    for _ in 0..<50 {
      // Dictionaries of the same contents built in different orders, with different hash seeds per run.
      var headers: [String: String] = [:]
      for (name, value) in spellings.shuffled() { headers[name] = value }
      #expect(HTTPHeaderLookup.value("Retry-After", in: headers) == "3")
    }
    #expect(HTTPHeaderLookup.value("Retry-After", in: ["Retry-Afte": "1"]) == nil)
  }

  @Test("The library reads a repeated header deterministically")
  func classifiedErrorUsesLookup() {
    let headers = ["retry-after": "60", "Retry-after": "10"]
    let seconds = HTTPHeaderLookup.value("Retry-After", in: headers).flatMap { RetryAfter.seconds(from: $0, now: 0) }
    #expect(seconds == 10)
  }
}
