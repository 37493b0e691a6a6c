/// Reads an HTTP `Retry-After` value as RFC 9110 (sections 10.2.3 and 5.6.7) defines it: delay seconds
/// (`120`) or an HTTP date, in the preferred IMF-fixdate form (`Sun, 06 Nov 1994 08:49:37 GMT`) or one of
/// the two obsolete forms recipients must still accept, RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and
/// asctime (`Sun Nov  6 08:49:37 1994`).
///
/// Parsing is strict: the grammar's exact spacing and punctuation, case-sensitive day and month names (a
/// weekday must be a real day name, though it is not checked against the date), two-digit time fields in
/// range (a second of 60 is accepted for a leap second), a day that exists in its month (29 February only in
/// leap years), and `GMT` where the form requires it. White space around the whole value is ignored. Any
/// other text gives `nil`.
///
/// Every delay, from either form, is capped at ``maximumSeconds``, and no value of `now` (not a number,
/// infinite or huge) traps.
package enum RetryAfter {
  /// The longest delay reported: `Int32.max` seconds (about 68 years), for delay seconds and dates alike.
  package static let maximumSeconds = Int(Int32.max)

  /// The number of seconds to wait, or `nil` when the value is not a valid `Retry-After`. A date in the past
  /// gives 0; a date when `now` is not finite gives `nil` (there is nothing to count from).
  ///
  /// - Parameters:
  ///   - value: The header's value.
  ///   - now: The current time as seconds since 1970, to turn a date into a delay.
  package static func seconds(from value: String, now: Double) -> Int? {
    let text = trimmed(Array(value.utf8))
    guard !text.isEmpty else { return nil }
    if text.allSatisfy(isDigit) {
      // delay-seconds: a huge delay is still a delay, so it is capped rather than dropped.
      var total = 0
      for digit in text {
        total = total * 10 + Int(digit - 0x30)
        if total >= maximumSeconds { return maximumSeconds }
      }
      return total
    }
    guard now.isFinite, let date = parse(text) else { return nil }
    let year: Int
    if date.twoDigitYear {
      // RFC 9110: a two-digit year that appears to be more than 50 years in the future is the most recent
      // past year with the same last two digits.
      let currentYear = civilYear(ofSecondsSince1970: now)
      var candidate = currentYear - currentYear % 100 + date.year
      if candidate > currentYear + 50 { candidate -= 100 }
      if candidate < currentYear - 49 { candidate += 100 }
      year = candidate
    } else {
      year = date.year
    }
    let epoch = Double(secondsSince1970(year: year, month: date.month, day: date.day, clock: date.clock))
    let delta = (epoch - now).rounded(.up)
    if delta <= 0 { return 0 }
    return delta >= Double(maximumSeconds) ? maximumSeconds : Int(delta)
  }

  /// Seconds since 1970 for an HTTP date, or `nil`. An RFC 850 two-digit year is read as 1970 to 2069.
  package static func httpDate(_ text: String) -> Int64? {
    guard let date = parse(trimmed(Array(text.utf8))) else { return nil }
    let year = date.twoDigitYear ? (date.year < 70 ? 2000 + date.year : 1900 + date.year) : date.year
    return secondsSince1970(year: year, month: date.month, day: date.day, clock: date.clock)
  }

  // MARK: Grammar

  private struct DateFields {
    var year: Int
    var twoDigitYear: Bool
    var month: Int
    var day: Int
    var clock: Int
  }

  private static let shortDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
  private static let longDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
  private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// A cursor over the value's bytes that consumes exact tokens.
  private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func literal(_ text: String) -> Bool {
      let wanted = Array(text.utf8)
      guard bytes.count - index >= wanted.count, Array(bytes[index..<index + wanted.count]) == wanted else {
        return false
      }
      index += wanted.count
      return true
    }

    /// Exactly `count` digits.
    mutating func digits(_ count: Int) -> Int? {
      guard bytes.count - index >= count else { return nil }
      var value = 0
      for byte in bytes[index..<index + count] {
        guard isDigit(byte) else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      index += count
      return value
    }

    /// One of `names`, matched case-sensitively; the longest match wins.
    mutating func oneOf(_ names: [String]) -> Int? {
      var best: (offset: Int, length: Int)?
      for (offset, name) in names.enumerated() {
        let start = index
        if literal(name) {
          if name.utf8.count > best?.length ?? 0 { best = (offset, name.utf8.count) }
          index = start
        }
      }
      guard let best else { return nil }
      index += best.length
      return best.offset
    }

    /// `HH:MM:SS` as seconds into the day.
    mutating func timeOfDay() -> Int? {
      guard let hour = digits(2), literal(":"), let minute = digits(2), literal(":"), let second = digits(2),
        hour <= 23, minute <= 59, second <= 60
      else { return nil }
      return hour * 3600 + minute * 60 + second
    }
  }

  private static func parse(_ bytes: [UInt8]) -> DateFields? {
    imfFixdate(bytes) ?? rfc850Date(bytes) ?? asctimeDate(bytes)
  }

  /// `Sun, 06 Nov 1994 08:49:37 GMT`
  private static func imfFixdate(_ bytes: [UInt8]) -> DateFields? {
    var scanner = Scanner(bytes: bytes)
    guard scanner.oneOf(shortDays) != nil, scanner.literal(", "), let day = scanner.digits(2), scanner.literal(" "),
      let month = scanner.oneOf(months), scanner.literal(" "), let year = scanner.digits(4), scanner.literal(" "),
      let clock = scanner.timeOfDay(), scanner.literal(" GMT"), scanner.atEnd
    else { return nil }
    return valid(DateFields(year: year, twoDigitYear: false, month: month + 1, day: day, clock: clock))
  }

  /// `Sunday, 06-Nov-94 08:49:37 GMT`
  private static func rfc850Date(_ bytes: [UInt8]) -> DateFields? {
    var scanner = Scanner(bytes: bytes)
    guard scanner.oneOf(longDays) != nil, scanner.literal(", "), let day = scanner.digits(2), scanner.literal("-"),
      let month = scanner.oneOf(months), scanner.literal("-"), let year = scanner.digits(2), scanner.literal(" "),
      let clock = scanner.timeOfDay(), scanner.literal(" GMT"), scanner.atEnd
    else { return nil }
    return valid(DateFields(year: year, twoDigitYear: true, month: month + 1, day: day, clock: clock))
  }

  /// `Sun Nov  6 08:49:37 1994` (a one-digit day is preceded by a second space).
  private static func asctimeDate(_ bytes: [UInt8]) -> DateFields? {
    var scanner = Scanner(bytes: bytes)
    guard scanner.oneOf(shortDays) != nil, scanner.literal(" "), let month = scanner.oneOf(months),
      scanner.literal(" ")
    else { return nil }
    let day: Int
    if scanner.literal(" ") {
      guard let digit = scanner.digits(1) else { return nil }
      day = digit
    } else {
      guard let digits = scanner.digits(2) else { return nil }
      day = digits
    }
    guard scanner.literal(" "), let clock = scanner.timeOfDay(), scanner.literal(" "), let year = scanner.digits(4),
      scanner.atEnd
    else { return nil }
    return valid(DateFields(year: year, twoDigitYear: false, month: month + 1, day: day, clock: clock))
  }

  /// The date when its day exists in its month (the leap-year check needs the year; a two-digit year is
  /// checked as 19yy/20yy, which agree on leap years except 1900/2000, and 00 is allowed through).
  private static func valid(_ date: DateFields) -> DateFields? {
    let year = date.twoDigitYear ? 2000 + date.year : date.year
    guard date.day >= 1, date.day <= daysIn(month: date.month, year: year) else { return nil }
    return date
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  private static func isLeap(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  // MARK: Calendar

  /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
  private static func daysSince1970(year: Int, month: Int, day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let monthIndex = Int64(month > 2 ? month - 3 : month + 9)
    let dayOfYear = (153 * monthIndex + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static func secondsSince1970(year: Int, month: Int, day: Int, clock: Int) -> Int64 {
    daysSince1970(year: year, month: month, day: day) * 86_400 + Int64(clock)
  }

  /// The calendar year at a finite time, clamped to years 1...9999 (the range dates are written in).
  private static func civilYear(ofSecondsSince1970 seconds: Double) -> Int {
    let lowest = Double(daysSince1970(year: 1, month: 1, day: 1)) * 86_400
    let highest = Double(daysSince1970(year: 9999, month: 12, day: 31)) * 86_400
    let clamped = min(max(seconds, lowest), highest)
    let days = Int64((clamped / 86_400).rounded(.down))
    // Civil from days (the inverse of daysSince1970).
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
  }

  // MARK: Bytes

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// The value without the optional white space (space, horizontal tab) HTTP allows around it.
  private static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
    let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
    guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
    else { return [] }
    return Array(bytes[first...last])
  }
}
