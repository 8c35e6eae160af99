import CZlib

extension CSVBytes {
    /// The most a deflate stream of `compressed` bytes can inflate to: 1,032 bytes for each byte
    /// (258-byte matches in 2 bits), plus a margin.
    static func largestInflatedSize(_ compressed: Int) -> Int { compressed * 1032 + 1024 }

    /// Whether the bytes start with the gzip magic number 1f 8b.
    var isGzip: Bool { count >= 2 && base[0] == 0x1F && base[1] == 0x8B }

    /// Inflates a gzip file (one or more concatenated members) with zlib, straight into one buffer
    /// sized from the gzip trailer's length field.
    ///
    /// - Parameter file: the path named in errors.
    /// - Throws: ``CSVError/Kind/corruptGzip(reason:)`` for a corrupt or truncated stream.
    func gunzipped(file: String) throws -> CSVBytes {
        // The trailer holds the uncompressed size modulo 2^32 of the last member: a good first guess
        // when deflate could have made it (a corrupt one would have a tiny file claim 4 GiB).
        var guess = count * 4
        if count >= 18 {
            let trailer = (0..<4).reduce(0) { $0 | Int(base[count - 4 + $1]) << (8 * $1) }
            if trailer > count, trailer <= Self.largestInflatedSize(count) { guess = trailer }
        }
        let output = CSVBytes(capacity: guess + 1)
        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw CSVError(.corruptGzip(reason: "zlib could not start"), file: file)
        }
        defer { inflateEnd(&stream) }
        stream.next_in = base
        var remainingInput = count
        stream.avail_in = UInt32(Swift.min(remainingInput, Int(UInt32.max)))
        remainingInput -= Int(stream.avail_in)
        while true {
            if output.count == output.capacity { output.reserve(output.capacity * 2) }
            let room = Swift.min(output.capacity - output.count, Int(UInt32.max))
            stream.next_out = output.freeSpace
            stream.avail_out = UInt32(room)
            let status = inflate(&stream, Z_NO_FLUSH)
            output.didAppend(room - Int(stream.avail_out))
            if stream.avail_in == 0, remainingInput > 0 {
                stream.avail_in = UInt32(Swift.min(remainingInput, Int(UInt32.max)))
                remainingInput -= Int(stream.avail_in)
            }
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                // Another member may follow (files made with `cat a.gz b.gz`).
                guard stream.avail_in > 0 || remainingInput > 0 else { return output }
                guard inflateReset(&stream) == Z_OK else {
                    throw CSVError(.corruptGzip(reason: "zlib could not restart"), file: file)
                }
            case Z_BUF_ERROR:
                if stream.avail_out == 0 { continue }
                throw CSVError(.corruptGzip(reason: "the stream ends before its end marker"), file: file)
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw CSVError(.corruptGzip(reason: reason), file: file)
            }
        }
    }
}
