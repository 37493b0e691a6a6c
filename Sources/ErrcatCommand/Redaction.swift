/// Hides values that look like credentials before `errcat` prints them as text.
enum Redaction {
  static let secretKeyWords = ["token", "key", "secret", "password", "authorization", "bearer", "signature"]

  /// The value, or `[redacted, N characters]` when its name suggests a credential. Otherwise each word that
  /// looks like a credential (a long run of letters and digits, as tokens and API keys are) is replaced,
  /// unless the value is named as an identifier or a time.
  static func redacted(_ value: String, key: String = "") -> String {
    let loweredKey = key.lowercased()
    if secretKeyWords.contains(where: loweredKey.contains) { return "[redacted, \(value.count) characters]" }
    let namedHarmless = loweredKey.hasSuffix("id") || loweredKey.hasSuffix("timestamp") || loweredKey == "status"
    if namedHarmless { return value }
    let words = value.split(separator: " ", omittingEmptySubsequences: false)
    guard words.contains(where: { looksLikeSecret(String($0)) }) else { return value }
    return words.map { looksLikeSecret(String($0)) ? "[redacted, \($0.count) characters]" : String($0) }
      .joined(separator: " ")
  }

  static func looksLikeSecret(_ value: String) -> Bool {
    let scalars = value.unicodeScalars
    guard scalars.count >= 20, !scalars.contains(" ") else { return false }
    let letters = scalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }.count
    let digits = scalars.filter { ("0"..."9").contains($0) }.count
    return letters >= 4 && digits >= 2
  }
}
