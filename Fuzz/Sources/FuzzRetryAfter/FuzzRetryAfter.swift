import FuzzSupport

@testable import ErrorCatalog

// `RetryAfter` and `HTTPHeaderLookup` (package API, reached through @testable import).
//
// Input: eight bytes of `now` (a Double's bit pattern, so NaN, infinities and huge values come up), then
// the header value.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let input = inputBytes(data, size)
  var bits: UInt64 = 0
  for byte in input.prefix(8) { bits = bits << 8 | UInt64(byte) }
  let now = Double(bitPattern: bits)
  let value = String(decoding: input.dropFirst(8), as: UTF8.self)

  let cap = RetryAfter.maximumSeconds
  let seconds = RetryAfter.seconds(from: value, now: now)
  if let seconds, !(0...cap).contains(seconds) { violated("\(seconds) s is outside 0...\(cap)") }
  guard RetryAfter.seconds(from: value, now: now) == seconds else { violated("two answers for one value") }

  let trimmed = value.trimmingSpaces()
  let isDelay = !trimmed.isEmpty && trimmed.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  if isDelay {
    let significant = String(trimmed.drop { $0 == "0" })
    let expected = significant.utf8.count > 10 ? cap : min(Int(significant) ?? 0, cap)
    guard seconds == expected else { violated("delay \(trimmed) read as \(String(describing: seconds))") }
  }

  if let date = RetryAfter.httpDate(value) {
    guard !isDelay else { violated("a number read as a date") }
    // A date reads back from its own IMF-fixdate form, and counts down from any finite time before it.
    let formatted = imfFixdate(date)
    guard RetryAfter.httpDate(formatted) == date || formatted.contains("RFC850") else {
      violated("\(value.debugDescription) is \(date), but \(formatted) is not")
    }
    if now.isFinite, !formatted.contains("RFC850") {
      guard let delay = seconds else { violated("a valid date with a finite now gave nil") }
      // (An RFC 850 date, with a hyphen, resolves its two-digit year against `now` instead.)
      if !trimmed.contains("-"), Double(date) - now > Double(cap) {
        guard delay == cap else { violated("uncapped date delay") }
      }
    }
  } else if !isDelay, seconds != nil {
    violated("\(value.debugDescription) is neither a delay nor a date but gave \(String(describing: seconds))")
  }

  // Header lookup: one answer whatever order the spellings went in.
  let spellings = ["Retry-After", "retry-after", "RETRY-AFTER", "Retry-after"]
  let picked = input.first.map { Int($0) & 15 } ?? 0
  var headers: [String: String] = [:]
  for (index, name) in spellings.enumerated() where picked & (1 << index) != 0 { headers[name] = "\(index)" }
  var reversed: [String: String] = [:]
  for (name, headerValue) in headers.reversed() { reversed[name] = headerValue }
  guard HTTPHeaderLookup.value("retry-AFTER", in: headers) == HTTPHeaderLookup.value("retry-AFTER", in: reversed)
  else { violated("header lookup depends on order") }
  if !headers.isEmpty, HTTPHeaderLookup.value("Retry-After", in: headers) == nil { violated("lookup missed") }
  return 0
}

extension String {
  func trimmingSpaces() -> String {
    let bytes = Array(utf8)
    let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
    guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(decoding: bytes[first...last], as: UTF8.self)
  }
}

/// `Sun, 06 Nov 1994 08:49:37 GMT` for seconds since 1970 (years 1 to 9999), else a marker.
func imfFixdate(_ seconds: Int64) -> String {
  var days = seconds / 86_400
  var clock = seconds % 86_400
  if clock < 0 {
    clock += 86_400
    days -= 1
  }
  let weekday = Int(((days % 7) + 7 + 3) % 7)  // 1970-01-01 was a Thursday.
  let shifted = days + 719_468
  let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
  let dayOfEra = shifted - era * 146_097
  let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
  let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
  let monthIndex = (5 * dayOfYear + 2) / 153
  let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
  let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
  let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  guard (0...9999).contains(year) else { return "RFC850 out of range" }
  func two(_ number: Int64) -> String { number < 10 ? "0\(number)" : "\(number)" }
  let yearText = String(repeating: "0", count: 4 - String(year).count) + String(year)
  let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
  let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
  return "\(dayNames[weekday]), \(two(day)) \(months[Int(month) - 1]) \(yearText) \(two(clock / 3600)):"
    + "\(two(clock / 60 % 60)):\(two(clock % 60)) GMT"
}
