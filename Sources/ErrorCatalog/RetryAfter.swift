/// Reads an HTTP `Retry-After` value: delay seconds (`120`) or an HTTP date (IMF-fixdate, the obsolete
/// RFC 850 form, or asctime).
package enum RetryAfter {
  /// The number of seconds to wait, or `nil` when the value is not understood. A date in the past gives 0.
  ///
  /// - Parameters:
  ///   - value: The header's value.
  ///   - now: The current time as seconds since 1970, to turn a date into a delay.
  package static func seconds(from value: String, now: Double) -> Int? {
    let text = MessageNormalization.normalize(value)
    if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
      // A huge delay is still a delay: clamp rather than drop it.
      return Int(text) ?? Int(Int32.max)
    }
    guard let date = httpDate(text) else { return nil }
    let delta = Double(date) - now
    return delta <= 0 ? 0 : Int(delta.rounded(.up))
  }

  /// Seconds since 1970 for an HTTP date, or `nil`.
  package static func httpDate(_ text: String) -> Int64? {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
    if words.count == 6, words[5] == "GMT", let day = Int(words[1]), let month = month(words[2]),
      let year = Int(words[3])
    {
      return epoch(year: year, month: month, day: day, time: words[4])
    }
    // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
    if words.count == 4, words[3] == "GMT" {
      let parts = words[1].split(separator: "-").map(String.init)
      if parts.count == 3, let day = Int(parts[0]), let month = month(parts[1]), let shortYear = Int(parts[2]) {
        let year = shortYear < 70 ? 2000 + shortYear : (shortYear < 100 ? 1900 + shortYear : shortYear)
        return epoch(year: year, month: month, day: day, time: words[2])
      }
    }
    // asctime: Sun Nov  6 08:49:37 1994
    if words.count == 5, let month = month(words[1]), let day = Int(words[2]), let year = Int(words[4]) {
      return epoch(year: year, month: month, day: day, time: words[3])
    }
    return nil
  }

  private static func month(_ name: String) -> Int? {
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    return months.firstIndex(of: name.lowercased()).map { $0 + 1 }
  }

  private static func epoch(year: Int, month: Int, day: Int, time: String) -> Int64? {
    let clock = time.split(separator: ":").compactMap { Int($0) }
    guard clock.count == 3, (1...31).contains(day), (0...23).contains(clock[0]), (0...59).contains(clock[1]),
      (0...60).contains(clock[2]), (1...9999).contains(year)
    else { return nil }
    // Days from civil, proleptic Gregorian calendar.
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let monthIndex = Int64(month > 2 ? month - 3 : month + 9)
    let dayOfYear = (153 * monthIndex + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    return days * 86_400 + Int64(clock[0] * 3600 + clock[1] * 60 + clock[2])
  }
}
