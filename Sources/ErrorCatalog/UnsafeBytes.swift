// The library's one file of pointer code.
//
// Every reader in this module (the in-place JSON walk, the message normaliser and its keys, the query-string
// reader) reads bytes through the views below: a view has indices and bytes, and no address. Taking an
// address, loading eight bytes at once, slicing without a copy and borrowing room on the stack happen here
// and nowhere else (`PointerCodeTests` fails on a pointer in any other library file), so that what must be
// proved about memory is proved in one place:
//
// - a view is made only inside a call that keeps its storage alive (an array's, a string's, a static
//   string's, a temporary allocation's), and is valid only during that call: the types are not `Sendable`,
//   and no reader stores one beyond the call that received it;
// - every byte is read through `subscript` or `word(at:)`, which check their index in debug builds (the
//   test suite); the fuzz targets run optimised with the address sanitizer, which stops a read past the
//   bytes' storage; the readers' own loops bound every index by `count`.
//
// `Span` would make the first point the compiler's: it is not used because the declared platforms predate
// it and a `Span` cannot be kept in a view of a walk without lifetime annotations this toolchain keeps
// experimental.

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Android)
  import Android
#elseif canImport(WinSDK)
  import WinSDK
#endif

/// Bytes read in place: a document's, a message's, a query string's. Valid only during the call that made
/// it (see the file's comment).
struct ByteView: RandomAccessCollection {
  private let base: UnsafePointer<UInt8>
  /// How many bytes there are.
  let count: Int

  @inline(__always)
  fileprivate init(base: UnsafePointer<UInt8>, count: Int) {
    self.base = base
    self.count = count
  }

  @inline(__always)
  fileprivate init(_ buffer: UnsafeBufferPointer<UInt8>) {
    // An empty buffer may have no address; no byte of an empty view is ever read.
    self.init(base: buffer.baseAddress ?? Self.noBytes, count: buffer.count)
  }

  private static var noBytes: UnsafePointer<UInt8> { UnsafePointer(bitPattern: 1)! }

  /// A view of a static string's UTF-8, which lives as long as the program: this one may be kept.
  @inline(__always)
  init(_ text: StaticString) {
    self.init(base: text.utf8Start, count: text.utf8CodeUnitCount)
  }

  /// No bytes.
  @inline(__always)
  init() {
    self.init(base: Self.noBytes, count: 0)
  }

  @inline(__always) var startIndex: Int { 0 }
  @inline(__always) var endIndex: Int { count }

  @inline(__always)
  subscript(index: Int) -> UInt8 {
    assert(index >= 0 && index < count, "byte index out of range")
    return base[index]
  }

  /// The first index of `byte` in `range`, or `nil`.
  @inline(__always)
  func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
    var index = range.lowerBound
    while index < range.upperBound {
      if self[index] == byte { return index }
      index += 1
    }
    return nil
  }

  /// The eight bytes from `index` as a little-endian word (the first byte lowest).
  @inline(__always)
  func word(at index: Int) -> UInt64 {
    assert(index >= 0 && index + 8 <= count, "word index out of range")
    return UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
  }

  /// The bytes of `range` as a view of their own, indexed from 0, without a copy.
  @inline(__always)
  func extracting(_ range: Range<Int>) -> ByteView {
    assert(range.lowerBound >= 0 && range.upperBound <= count, "range out of bounds")
    return ByteView(base: base + range.lowerBound, count: range.count)
  }

  /// The bytes from `start` to the end, indexed from 0, without a copy.
  @inline(__always)
  func extracting(from start: Int) -> ByteView { extracting(start..<count) }

  /// The bytes as UTF-8 text (invalid sequences replaced).
  @inline(__always)
  var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

  /// The bytes of `range` as UTF-8 text (invalid sequences replaced).
  @inline(__always)
  func string(_ range: Range<Int>) -> String { extracting(range).string }

  /// Calls `body` with a view of `bytes`.
  @inline(__always)
  static func of<R>(_ bytes: [UInt8], _ body: (ByteView) -> R) -> R {
    bytes.withUnsafeBufferPointer { body(ByteView($0)) }
  }

  /// Calls `body` with a view of `text`'s UTF-8 (made contiguous first when it is not).
  @inline(__always)
  static func of<R>(_ text: String, _ body: (ByteView) -> R) -> R {
    var text = text
    return text.withUTF8 { body(ByteView($0)) }
  }

  /// Calls `body` with a view of `text`'s UTF-8 when it is stored contiguously (a native string always is);
  /// `nil` otherwise. For a fast path with a slower one beside it.
  @inline(__always)
  static func ifContiguous<R>(_ text: String, _ body: (ByteView) -> R) -> R? {
    text.utf8.withContiguousStorageIfAvailable { body(ByteView($0)) }
  }

  /// Calls `body` with a view of `bytes`, copied into an array first when their storage is not contiguous.
  @inline(__always)
  static func of<R>(contiguous bytes: some Sequence<UInt8>, _ body: (ByteView) -> R) -> R {
    bytes.withContiguousStorageIfAvailable { body(ByteView($0)) } ?? of(Array(bytes), body)
  }
}

/// Where a static string's UTF-8 starts, one word wide: a slot of three member names keeps their lengths
/// beside them, so that comparing a name costs no more than a length test until the lengths agree. Static
/// strings live as long as the program, so this may be kept.
struct StaticBytes {
  private let base: UnsafePointer<UInt8>

  @inline(__always)
  init(_ text: StaticString) {
    base = text.utf8Start
  }

  /// The first `count` bytes, which the static string must hold.
  @inline(__always)
  func view(count: Int) -> ByteView { ByteView(base: base, count: count) }
}

/// Offsets a validation recorded (containers' ends, an object's members), read in place. Valid only during
/// the call that made it.
struct OffsetTable {
  private let base: UnsafePointer<Int32>
  /// How many offsets there are.
  let count: Int

  @inline(__always)
  fileprivate init(base: UnsafePointer<Int32>?, count: Int) {
    self.base = base ?? UnsafePointer(bitPattern: 4)!
    self.count = base == nil ? 0 : count
  }

  /// No offsets.
  @inline(__always)
  init() {
    self.init(base: nil, count: 0)
  }

  @inline(__always) var isEmpty: Bool { count == 0 }

  @inline(__always)
  subscript(index: Int) -> Int32 {
    assert(index >= 0 && index < count, "offset index out of range")
    return base[index]
  }

  /// Calls `body` with a view of `offsets`.
  @inline(__always)
  static func of<R>(_ offsets: [Int32], _ body: (OffsetTable) -> R) -> R {
    offsets.withUnsafeBufferPointer { body(OffsetTable(base: $0.baseAddress, count: $0.count)) }
  }
}

/// Room being written: an array's or a string's storage while it is made, a temporary allocation, or a
/// record on the stack. Valid only during the call that made it.
struct Slots<Element> {
  private let base: UnsafeMutablePointer<Element>
  /// How many elements fit.
  let count: Int

  @inline(__always)
  fileprivate init(_ buffer: UnsafeMutableBufferPointer<Element>) {
    base = buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
    count = buffer.count
  }

  /// No room.
  @inline(__always)
  init() {
    self.init(UnsafeMutableBufferPointer(start: nil, count: 0))
  }

  @inline(__always)
  subscript(index: Int) -> Element {
    get {
      assert(index >= 0 && index < count, "index out of range")
      return base[index]
    }
    nonmutating set {
      assert(index >= 0 && index < count, "index out of range")
      base[index] = newValue
    }
  }

  /// Calls `body` with room for `capacity` elements on the stack (or the heap, when large).
  @inline(__always)
  static func withTemporary<R>(capacity: Int, _ body: (Slots) -> R) -> R {
    withUnsafeTemporaryAllocation(of: Element.self, capacity: capacity) { body(Slots($0)) }
  }

  /// An array of at most `capacity` elements, written by `fill`, which returns how many it wrote.
  @inline(__always)
  static func array(capacity: Int, _ fill: (Slots) -> Int) -> [Element] {
    // Every empty array shares one storage, whose count the initialiser below would write: from two
    // threads at once, a data race (the thread sanitizer reports it), though both write 0. With no room,
    // `fill` has nothing to write.
    if capacity == 0 { return [] }
    return [Element](unsafeUninitializedCapacity: capacity) { buffer, count in
      count = fill(Slots(buffer))
      precondition(count <= capacity)
    }
  }
}

/// Room for bytes being written.
typealias ByteWriter = Slots<UInt8>

extension Slots<UInt8> {
  /// A string of at most `capacity` bytes of UTF-8, written by `fill`, which returns how many it wrote
  /// (invalid UTF-8 is replaced).
  @inline(__always)
  static func string(capacity: Int, _ fill: (Slots) -> Int) -> String {
    String(unsafeUninitializedCapacity: capacity) { buffer in
      let count = fill(Slots(buffer))
      precondition(count <= capacity)
      return count
    }
  }
}

/// Room for offsets being recorded.
typealias OffsetSlots = Slots<Int32>

extension Slots<Int32> {
  /// The first `count` offsets recorded, to read.
  @inline(__always)
  func recorded(_ count: Int) -> OffsetTable {
    assert(count >= 0 && count <= self.count, "count out of range")
    return OffsetTable(base: UnsafePointer(base), count: count)
  }
}

extension JSONDocument.MemberRecord {
  /// Calls `body` with the record's room, to write.
  @inline(__always)
  mutating func withSlots<R>(_ body: (OffsetSlots) -> R) -> R {
    withUnsafeMutableBytes(of: &offsets) { body(OffsetSlots($0.bindMemory(to: Int32.self))) }
  }

  /// Calls `body` with the first `count` offsets of the record, to read.
  @inline(__always)
  mutating func withRecorded<R>(_ count: Int, _ body: (OffsetTable) -> R) -> R {
    withUnsafeBytes(of: &offsets) { raw in
      let offsets = raw.bindMemory(to: Int32.self)
      precondition(count <= offsets.count)
      return body(OffsetTable(base: offsets.baseAddress, count: count))
    }
  }
}

/// A value reached through its address for the length of one call, so that closures nested in a walk
/// capture one word instead of copying the value (a catalog table is a dozen references) at every level.
struct Borrowed<Value> {
  private let address: UnsafePointer<Value>

  /// The value.
  @inline(__always)
  var value: Value { address.pointee }

  /// Calls `body` with `value` borrowed.
  @inline(__always)
  static func with<R>(_ value: Value, _ body: (Borrowed<Value>) -> R) -> R {
    withUnsafePointer(to: value) { body(Borrowed(address: $0)) }
  }

  @inline(__always)
  fileprivate init(address: UnsafePointer<Value>) {
    self.address = address
  }
}

/// What copies of one value share: `details`, immutable, and `kept`, a value made from them at most once (on
/// first request) and then kept, under a lock held in the same allocation. So a value that holds one is one
/// pointer wide, a copy is one retain, and making one allocates once.
///
/// Used by ``ClassifiedError``: its classification is `details`, the fields read from its body are `kept`.
@usableFromInline
struct Shared<Details, Kept> {
  @usableFromInline let buffer: SharedBuffer<Details, Kept>

  /// A backing holding `details`.
  @inlinable
  init(_ details: consuming Details) {
    // Moved into the header, not copied: a copy would retain each of the details' references and then
    // release them again.
    var moving = Optional(consume details)
    let made = SharedBuffer<Details, Kept>.create(minimumCapacity: SharedBuffer<Details, Kept>.lockWords) { _ in
      SharedHeader(details: moving.take()!)
    }
    buffer = unsafeDowncast(made, to: SharedBuffer<Details, Kept>.self)
    buffer.initializeLock()
  }

  /// The immutable part, read without the lock: nothing writes it after `init`.
  @inlinable
  var details: Details {
    _read { yield buffer.header.details }
  }

  /// `kept`, made by `make` from the details on the first request; every later request (from any thread,
  /// through any copy) gets the same value without calling `make`.
  func kept(orMake make: (Details) -> Kept) -> Kept {
    buffer.locked { header in
      if let kept = header.pointee.kept { return kept }
      let made = make(header.pointee.details)
      header.pointee.kept = made
      return made
    }
  }

  /// `kept` if it is already known, without making it.
  func keptIfKnown() -> Kept? {
    buffer.locked { $0.pointee.kept }
  }

  /// Keeps `value` unless a value is kept already. Only for a value equal to what `make` would give, so
  /// that which of the two is kept cannot be told apart.
  func keep(_ value: Kept) {
    buffer.locked { header in
      if header.pointee.kept == nil { header.pointee.kept = value }
    }
  }
}

// Every copy reads `details`, which nothing writes after `init`, and reaches `kept` only under the lock.
extension Shared: @unchecked Sendable where Details: Sendable, Kept: Sendable {}

/// ``Shared``'s header.
@usableFromInline
struct SharedHeader<Details, Kept> {
  @usableFromInline let details: Details
  /// Read and written only under the lock.
  var kept: Kept?

  @inlinable
  init(details: __owned Details) {
    self.details = details
  }
}

/// ``Shared``'s storage: the header, then the platform's lock in the tail (words of `UInt64`, so that the
/// platform's type stays out of inlinable code).
@usableFromInline
final class SharedBuffer<Details, Kept>: ManagedBuffer<SharedHeader<Details, Kept>, UInt64> {
  #if canImport(Darwin)
    typealias Lock = os_unfair_lock
  #elseif canImport(Glibc) || canImport(Musl) || canImport(Android)
    typealias Lock = pthread_mutex_t
  #elseif canImport(WinSDK)
    typealias Lock = SRWLOCK
  #else
    // No threads (WebAssembly): nothing to lock.
    typealias Lock = Void
  #endif

  /// How many words the lock takes.
  @usableFromInline
  static var lockWords: Int {
    (MemoryLayout<Lock>.size + MemoryLayout<UInt64>.size - 1) / MemoryLayout<UInt64>.size
  }

  private var lock: UnsafeMutablePointer<Lock> {
    withUnsafeMutablePointerToElements { words in
      UnsafeMutableRawPointer(words).assumingMemoryBound(to: Lock.self)
    }
  }

  @usableFromInline
  func initializeLock() {
    precondition(MemoryLayout<Lock>.alignment <= MemoryLayout<UInt64>.alignment)
    let lock = withUnsafeMutablePointerToElements { words in
      UnsafeMutableRawPointer(words).bindMemory(to: Lock.self, capacity: 1)
    }
    #if canImport(Darwin)
      lock.initialize(to: os_unfair_lock())
    #elseif canImport(Glibc) || canImport(Musl) || canImport(Android)
      // All zeros is PTHREAD_MUTEX_INITIALIZER in glibc, musl and bionic: a default mutex, with no call.
      lock.initialize(to: pthread_mutex_t())
    #elseif canImport(WinSDK)
      lock.initialize(to: SRWLOCK())
      InitializeSRWLock(lock)
    #else
      lock.initialize(to: ())
    #endif
  }

  /// Calls `body` with the header, under the lock.
  func locked<R>(_ body: (UnsafeMutablePointer<SharedHeader<Details, Kept>>) -> R) -> R {
    let lock = lock
    #if canImport(Darwin)
      os_unfair_lock_lock(lock)
      defer { os_unfair_lock_unlock(lock) }
    #elseif canImport(Glibc) || canImport(Musl) || canImport(Android)
      let status = pthread_mutex_lock(lock)
      precondition(status == 0, "pthread_mutex_lock failed: \(status)")
      defer { pthread_mutex_unlock(lock) }
    #elseif canImport(WinSDK)
      AcquireSRWLockExclusive(lock)
      defer { ReleaseSRWLockExclusive(lock) }
    #endif
    return withUnsafeMutablePointerToHeader(body)
  }

  deinit {
    #if canImport(Glibc) || canImport(Musl) || canImport(Android)
      pthread_mutex_destroy(lock)
    #endif
    lock.deinitialize(count: 1)
  }
}
