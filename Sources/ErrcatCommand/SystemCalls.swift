#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `errcat`'s one file of pointer code: the two system calls that move its input and output, each taking an
/// array's storage for the length of the call, and the system's text for an error, read from a C string. (The library's readers have theirs in `ErrorCatalog`'s
/// `UnsafeBytes.swift`.)
enum SystemCalls {
  /// Reads at most `chunk.count` bytes from `descriptor` into the start of `chunk`: how many were read, 0 at
  /// the end, or -1 with `errno` set.
  static func read(_ descriptor: Int32, into chunk: inout [UInt8]) -> Int {
    chunk.withUnsafeMutableBytes { buffer in
      #if canImport(Glibc)
        Glibc.read(descriptor, buffer.baseAddress, buffer.count)
      #elseif canImport(Musl)
        Musl.read(descriptor, buffer.baseAddress, buffer.count)
      #else
        Darwin.read(descriptor, buffer.baseAddress, buffer.count)
      #endif
    }
  }

  /// Writes as much of `bytes` to `descriptor` as it takes: how many were written, or -1 with `errno` set.
  static func write(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) -> Int {
    bytes.withUnsafeBytes { buffer in
      #if canImport(Glibc)
        Glibc.write(descriptor, buffer.baseAddress, buffer.count)
      #elseif canImport(Musl)
        Musl.write(descriptor, buffer.baseAddress, buffer.count)
      #else
        Darwin.write(descriptor, buffer.baseAddress, buffer.count)
      #endif
    }
  }

  /// The system's text for an `errno` value ("Is a directory", "Bad file descriptor", …).
  static func reason(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }
}
