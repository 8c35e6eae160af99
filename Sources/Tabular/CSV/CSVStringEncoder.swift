#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Dictionary-encodes text fields straight from the file's bytes: an open-addressing hash table of
/// the distinct byte strings, so that a `String` is built (and its UTF-8 validated) once per
/// distinct value, not once per row.
struct CSVStringEncoder {
    /// The distinct values' bytes, back to back.
    private var arena: [UInt8] = []
    /// Category `i` is `arena[offsets[i]..<offsets[i + 1]]`.
    private var offsets: [Int] = [0]
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
    }

    var count: Int { hashes.count }

    @inline(__always)
    private static func hash(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(length)
        var index = 0
        let raw = UnsafeRawPointer(p)
        while index + 8 <= length {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < length {
            tail |= UInt64(p[index]) << shift
            shift += 8
            index += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }

    /// The code of the text at `p` (`length` bytes), adding it when new.
    @inline(__always)
    mutating func code(_ p: UnsafePointer<UInt8>, _ length: Int, row: Int) -> Int32 {
        let h = Self.hash(p, length)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let code = table[slot]
            if code < 0 { break }
            let index = Int(code)
            if hashes[index] == h, offsets[index + 1] - offsets[index] == length {
                let start = offsets[index]
                let equal = length == 0 || arena.withUnsafeBufferPointer { arenaBytes in
                    guard let base = arenaBytes.baseAddress else { return false }
                    return memcmp(base + start, p, length) == 0
                }
                if equal { return code }
            }
            slot = (slot + 1) & mask
        }
        let code = Int32(hashes.count)
        table[slot] = code
        hashes.append(h)
        firstRows.append(row)
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: length))
        offsets.append(arena.count)
        if hashes.count * 2 > table.count { grow() }
        return code
    }

    /// The code of a quoted field with doubled quotes, after unescaping them.
    mutating func code(escaped p: UnsafePointer<UInt8>, _ length: Int, row: Int) -> Int32 {
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(length)
        var index = 0
        while index < length {
            unescaped.append(p[index])
            index += p[index] == 0x22 && index + 1 < length && p[index + 1] == 0x22 ? 2 : 1
        }
        return unescaped.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return code(p, 0, row: row) }
            return code(base, buffer.count, row: row)
        }
    }

    private mutating func grow() {
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
            let bytes = arena[offsets[index]..<offsets[index + 1]]
            guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(InvalidCategory(index: index)) }
            result.append(text)
        }
        return .success(result)
    }

    struct InvalidCategory: Error { var index: Int }
}
