import ErrorCatalog

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where `errcat classify` takes its body from when `--body` is not given.
public enum InputSource: Sendable, Hashable {
  /// Standard input (no body option, or `--body-file -`).
  case standardInput
  /// `--body-file PATH`: any readable file, including devices, FIFOs, `/dev/stdin` and `<(…)`.
  case file(String)

  var name: String {
    switch self {
    case .standardInput: "standard input"
    case .file(let path): "'\(TextEscaping.escaped(path))'"
    }
  }
}

/// Input read in bounded memory: its first bytes, and how long it really was.
public struct BoundedInput: Sendable, Hashable {
  /// At most ``InputReader/keptLimit`` bytes: the input's start.
  public var bytes: [UInt8]
  /// The input's full length in bytes (more than `bytes.count` when the rest was counted, not kept).
  public var totalCount: Int

  public init(bytes: [UInt8], totalCount: Int) {
    self.bytes = bytes
    self.totalCount = max(totalCount, bytes.count)
  }

  /// Keeps at most ``InputReader/keptLimit`` bytes of `bytes` and counts all of them.
  public init(_ bytes: some Collection<UInt8>) {
    self.init(bytes: Array(bytes.prefix(InputReader.keptLimit)), totalCount: bytes.count)
  }

  /// Whether only a prefix was kept.
  public var isTruncated: Bool { totalCount > bytes.count }
}

/// Input that could not be read: the one line `errcat` prints before it exits with status 1.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

/// Reads a body from a file descriptor or a path without ever holding more than a bounded prefix.
public enum InputReader {
  /// How much of an input is kept: `ResponseBody.storedLimit` (1 MiB) plus one byte, so that the library
  /// still sees that a body was longer than it reads (and classifies it from the status, as it does any body
  /// over the limit), plus 64 KiB for the head of a raw HTTP response in front of the body. Everything after
  /// that is counted and dropped.
  public static let keptLimit = ResponseBody.storedLimit + 1 + headAllowance

  /// Room kept for the status lines and headers of a raw HTTP response (`curl -i`).
  public static let headAllowance = 65_536

  /// Reads `descriptor` to its end, keeping at most `limit` bytes. Interrupted reads are retried; any other
  /// failure (a directory, a closed descriptor, an I/O error) throws, naming `source` and the reason.
  public static func read(
    descriptor: Int32, source: InputSource = .standardInput, limit: Int = keptLimit
  ) throws(InputError) -> BoundedInput {
    var kept: [UInt8] = []
    var total = 0
    let chunkSize = 65_536
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    while true {
      let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, chunkSize) }
      if count < 0 {
        let code = errno
        if code == EINTR { continue }
        if code == EAGAIN || code == EWOULDBLOCK {
          // A non-blocking descriptor (an inherited pipe or terminal): wait until it has data.
          var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
          _ = poll(&waiting, 1, -1)
          continue
        }
        throw InputError("cannot read \(source.name): \(reason(code))")
      }
      if count == 0 { break }
      let room = max(0, limit - kept.count)
      if room > 0 { kept.append(contentsOf: chunk[0..<min(count, room)]) }
      total = total.addingReportingOverflow(count).overflow ? Int.max : total + count
    }
    return BoundedInput(bytes: kept, totalCount: total)
  }

  /// Opens `path` for reading (any kind of file that can be read: regular files, devices, FIFOs, process
  /// substitutions) and reads it with ``read(descriptor:source:limit:)``.
  public static func read(path: String, limit: Int = keptLimit) throws(InputError) -> BoundedInput {
    let source = InputSource.file(path)
    guard !path.isEmpty else { throw InputError("cannot read --body-file '': no path given") }
    var descriptor: Int32
    repeat {
      descriptor = open(path, O_RDONLY | O_CLOEXEC)
    } while descriptor < 0 && errno == EINTR
    guard descriptor >= 0 else { throw InputError("cannot open \(source.name): \(reason(errno))") }
    defer { _ = close(descriptor) }
    return try read(descriptor: descriptor, source: source, limit: limit)
  }

  /// What a real run reads: standard input from descriptor 0, files from the file system.
  public static func system(_ source: InputSource) throws(InputError) -> BoundedInput {
    switch source {
    case .standardInput: try read(descriptor: 0)
    case .file(let path): try read(path: path)
    }
  }

  /// The system's text for an `errno` value ("Is a directory", "Bad file descriptor", …).
  static func reason(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }

  private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.read(descriptor, buffer, count)
    #elseif canImport(Musl)
      Musl.read(descriptor, buffer, count)
    #else
      Darwin.read(descriptor, buffer, count)
    #endif
  }
}
