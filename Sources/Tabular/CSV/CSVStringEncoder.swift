/// Dictionary-encodes text fields straight from the file's bytes: an open-addressing hash table of
/// the distinct byte strings, so that a `String` is built (and its UTF-8 validated) once per
/// distinct value, not once per row.
///
/// The distinct values are copied back to back into a compact arena: comparing a field with them
/// then reads memory that stays in cache, where their first occurrences in the file would not.
/// Comparisons load eight bytes at a time and may read up to seven bytes past a value: the file's
/// buffer and the arena keep padding for that.
final class CSVStringEncoder {
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCount = 0
    private var arenaCapacity = 1 << 16
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var hashes: [UInt64] = []
    /// The first row of each category, for error reports.
    private(set) var firstRows: [Int] = []
    private var table: [Int32]
    private var mask: Int
    init(expectedDistinct: Int = 1024) {
        var capacity = 1024
        while capacity < expectedDistinct * 2 { capacity *= 2 }
        table = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        arena = .allocate(capacity: arenaCapacity + 8)
    }

    deinit { arena.deallocate() }

    var count: Int { hashes.count }

    /// `length` bytes at `p`, zero-extended into a word (`length` < 8); may read past them.
    @inline(__always)
    private static func partialWord(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        let word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
        return length == 0 ? 0 : word & (UInt64.max >> UInt64(64 - 8 * length))
    }

    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        var index = 0
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        while index + 8 <= length {
            if x.loadUnaligned(fromByteOffset: index, as: UInt64.self) != y.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                return false
            }
            index += 8
        }
        return partialWord(a + index, length - index) == partialWord(b + index, length - index)
    }

    @inline(__always)
    private static func hash(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(length)
        var index = 0
        let raw = UnsafeRawPointer(p)
        while index + 8 <= length {
            h = (h ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            index += 8
        }
        h = (h ^ partialWord(p + index, length - index)) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }

    /// The code of the text at `p` (`length` bytes, with readable padding after), adding it when new.
    @inline(__always)
    func code(_ p: UnsafePointer<UInt8>, _ length: Int, row: Int) -> Int32 {
        let h = Self.hash(p, length)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let code = table[slot]
            if code < 0 { break }
            let index = Int(code)
            if hashes[index] == h, lengths[index] == length, Self.equal(arena + starts[index], p, length) { return code }
            slot = (slot + 1) & mask
        }
        let code = Int32(hashes.count)
        table[slot] = code
        hashes.append(h)
        firstRows.append(row)
        if arenaCount + length > arenaCapacity { growArena(arenaCount + length) }
        (arena + arenaCount).update(from: p, count: length)
        (arena + arenaCount + length).update(repeating: 0, count: 8)
        starts.append(arenaCount)
        lengths.append(length)
        arenaCount += length
        if hashes.count * 2 > table.count { grow() }
        return code
    }

    /// The code of a quoted field with doubled quotes, after unescaping them.
    func code(escaped p: UnsafePointer<UInt8>, _ length: Int, row: Int) -> Int32 {
        let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: length + 8)
        copy.initialize(repeating: 0, count: length + 8)
        defer { copy.deallocate() }
        var index = 0, written = 0
        while index < length {
            copy[written] = p[index]
            written += 1
            index += p[index] == 0x22 && index + 1 < length && p[index + 1] == 0x22 ? 2 : 1
        }
        return code(UnsafePointer(copy), written, row: row)
    }

    private func growArena(_ minimum: Int) {
        let capacity = Swift.max(minimum, arenaCapacity * 2)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + 8)
        grown.update(from: arena, count: arenaCount)
        arena.deallocate()
        arena = grown
        arenaCapacity = capacity
    }

    private func grow() {
        let capacity = table.count * 2
        table = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for index in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(index)
        }
    }

    /// The distinct values as strings, in code order; the index of the first that is not UTF-8
    /// otherwise.
    func categories() -> Result<[String], InvalidCategory> {
        var result: [String] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            let bytes = UnsafeBufferPointer(start: arena + starts[index], count: lengths[index])
            guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(InvalidCategory(index: index)) }
            result.append(text)
        }
        return .success(result)
    }

    struct InvalidCategory: Error { var index: Int }
}
