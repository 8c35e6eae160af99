import CZlib
import Foundation

/// How far a background inflate has got, shared with the thread that tokenizes behind it.
final class InflateProgress: @unchecked Sendable {
    private let condition = NSCondition()
    private var available = 0
    private var finished = false
    private(set) var failure: CSVError?
    /// The output did not fit the buffer sized from the gzip trailer (several members).
    private(set) var overflowed = false

    func publish(_ count: Int) {
        condition.lock()
        available = count
        condition.broadcast()
        condition.unlock()
    }

    func finish(count: Int, overflowed: Bool = false, failure: CSVError? = nil) {
        condition.lock()
        available = count
        self.overflowed = overflowed
        self.failure = failure
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until `target` bytes are inflated or the inflate ends.
    func wait(atLeast target: Int) -> (available: Int, finished: Bool) {
        condition.lock()
        defer { condition.unlock() }
        while available < target, !finished { condition.wait() }
        return (available, finished)
    }
}

extension CSVBytes {
    /// The uncompressed size the gzip trailer states (modulo 2^32, of the last member), when deflate
    /// could have made it from this many bytes; nil otherwise (a corrupt trailer).
    var gzipTrailerSize: Int? {
        guard isGzip, count >= 18 else { return nil }
        let size = (0..<4).reduce(0) { $0 | Int(base[count - 4 + $1]) << (8 * $1) }
        return size <= Self.largestInflatedSize(count) ? size : nil
    }

    /// Inflates `compressed` into this buffer's capacity, never growing it (the tokenizing thread
    /// reads the buffer meanwhile), publishing progress every mebibyte.
    func inflateStreaming(_ compressed: CSVBytes, file: String, progress: InflateProgress) {
        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            progress.finish(count: 0, failure: CSVError(.corruptGzip(reason: "zlib could not start"), file: file))
            return
        }
        defer { inflateEnd(&stream) }
        stream.next_in = compressed.base
        stream.avail_in = UInt32(compressed.count)
        var written = 0
        while true {
            let room = Swift.min(capacity - written, 1 << 20)
            guard room > 0 else {
                progress.finish(count: written, overflowed: true)
                return
            }
            stream.next_out = base + written
            stream.avail_out = UInt32(room)
            let status = inflate(&stream, Z_NO_FLUSH)
            written += room - Int(stream.avail_out)
            switch status {
            case Z_OK:
                progress.publish(written)
            case Z_STREAM_END:
                // Another member follows: its size was not in the trailer's guess.
                progress.finish(count: written, overflowed: stream.avail_in > 0)
                return
            case Z_BUF_ERROR where stream.avail_out == 0:
                progress.publish(written)
            case Z_BUF_ERROR:
                progress.finish(count: written, failure: CSVError(.corruptGzip(reason: "the stream ends before its end marker"), file: file))
                return
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                progress.finish(count: written, failure: CSVError(.corruptGzip(reason: reason), file: file))
                return
            }
        }
    }
}

extension CSVReader {
    /// Reads a gzip file with the inflate on one thread and the tokenizer following it on this one,
    /// a few mebibytes behind; the columns are then converted on all cores.
    ///
    /// The tokenizer only ever reads bytes the inflate has published, up to a line feed: a record
    /// that does not end there (a quoted line break) or any error stops the streaming, and the rest
    /// is tokenized once the inflate is done, so errors are found and located as in a plain file.
    /// Small files, several gzip members and a single core take the plain path.
    func readGzip(_ compressed: CSVBytes, file: String) throws -> DataFrame {
        guard usesAllCores, let expected = compressed.gzipTrailerSize, expected >= 4 << 20, expected > compressed.count else {
            return try parse(compressed.gunzipped(file: file), file: file)
        }
        let delimiter = try delimiterByte(file: file)
        let output = CSVBytes(capacity: expected + 1)  // + 1: a full buffer means the guess was short
        let progress = InflateProgress()
        let inflater = Thread { output.inflateStreaming(compressed, file: file, progress: progress) }
        inflater.stackSize = 1 << 20
        inflater.start()

        let segment = 4 << 20
        var layout: Layout?
        var chunks: [CSVTokenizer.Chunk] = []
        var position = 0
        var target = 1 << 20
        streaming: while true {
            let (available, finished) = progress.wait(atLeast: target)
            if finished { break }
            // Tokenize up to the last line feed that leaves the word-wide scans inside the
            // published bytes.
            var cut = available - 16
            while cut > position, output.base[cut - 1] != CSVTokenizer.lineFeed { cut -= 1 }
            guard cut > position else {
                target = available + segment
                continue
            }
            let tokenizer = CSVTokenizer(bytes: output, count: cut, delimiter: delimiter)
            guard let found = layout else {
                guard let found = try? self.layout(tokenizer, bytes: output, file: file), found.dataStart < cut else { break streaming }
                layout = found
                position = found.dataStart
                target = position + segment
                continue
            }
            let chunk = tokenizer.chunk(from: position, to: cut, columns: found.names.count,
                                        expectedRows: (cut - position) / 64 + 16)
            guard chunk.failure == nil, chunk.stop == cut else { break streaming }
            chunks.append(chunk)
            position = cut
            target = position + segment
        }
        let (total, _) = progress.wait(atLeast: Int.max)
        if let failure = progress.failure { throw failure }
        if progress.overflowed { return try parse(compressed.gunzipped(file: file), file: file) }
        output.setCount(total)
        guard let layout else { return try parse(output, file: file) }
        do {
            let tokenizer = CSVTokenizer(bytes: output, delimiter: delimiter)
            chunks += try tokenizer.records(from: position, columns: layout.names.count, parallel: usesAllCores)
        } catch {
            throw error.csvError(bytes: output, file: file, names: layout.names)
        }
        return try frame(bytes: output, chunks: chunks, names: layout.names, file: file)
    }
}
