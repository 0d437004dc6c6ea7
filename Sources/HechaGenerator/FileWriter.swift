#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Rows about roster persons and households, already formatted, one after another.
struct RowBank: Sendable {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    /// Rows among these written to be rejected (a preset's planted bad rows).
    var badRows = 0
    var count: Int { ends.count }
    mutating func endRow() { ends.append(bytes.count) }
    func row(_ i: Int) -> ArraySlice<UInt8> { bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]] }
}

/// What one written file holds.
public struct GeneratedFile: Sendable {
    /// The path relative to the output folder.
    public var path: String
    /// Data rows written (header excluded).
    public var rows: Int
    /// The size of the file written, in bytes.
    public var bytes: Int
    /// Rows written to be rejected by the connector (bad ids, impossible dates, broken JSON, …).
    public var badRows: Int
}

enum FileOutput {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ path: String, _ chunks: [[UInt8]]) throws(Failure) {
        guard let f = fopen(path, "wb") else { throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { fclose(f) }
        for c in chunks where !c.isEmpty {
            let n = c.withUnsafeBytes { fwrite($0.baseAddress!, 1, c.count, f) }
            if n != c.count { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        }
    }

    /// UTF-8 to GB18030 with the C library's converter.
    static func gb18030(_ utf8: [UInt8]) -> [UInt8] {
        let cd = iconv_open("GB18030", "UTF-8")
        precondition(Int(bitPattern: cd) != -1, "this system's C library cannot convert to GB18030")
        defer { iconv_close(cd) }
        var out = [UInt8](repeating: 0, count: utf8.count + 16)
        var input = utf8
        var inLeft = input.count
        var outLeft = out.count
        input.withUnsafeMutableBytes { inp in
            out.withUnsafeMutableBytes { outp in
                var i: UnsafeMutablePointer<CChar>? = inp.baseAddress?.assumingMemoryBound(to: CChar.self)
                var o: UnsafeMutablePointer<CChar>? = outp.baseAddress?.assumingMemoryBound(to: CChar.self)
                let r = iconv(cd, &i, &inLeft, &o, &outLeft)
                precondition(r != -1 && inLeft == 0, "GB18030 conversion failed")
            }
        }
        out.removeLast(outLeft)
        return out
    }

    /// Writes an agency file of `total` rows: the roster rows of `roster` spread through rows of
    /// people outside the roster made by `other` (which returns true for a row written to be
    /// rejected). Large files are generated in chunks of their own random streams, several at a
    /// time, and written in order: the bytes do not depend on the number of cores.
    static func agencyFile(path: String, header: [UInt8], roster: RowBank, total: Int, seed: UInt64, stream: String,
                           duplicateRate: Double = 0.0002, gb18030: Bool = false, crlf: Bool = false,
                           other: @escaping @Sendable (inout Random, inout [UInt8]) -> Bool) throws(Failure) -> GeneratedFile {
        let nonRoster = max(0, total - roster.count)
        let chunkRows = 250_000
        let chunks = max(1, (nonRoster + chunkRows - 1) / chunkRows)
        let workers = max(1, min(8, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        guard let f = fopen(path, "wb") else { throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { fclose(f) }
        var rows = 0, bytes = 0, bad = 0
        func put(_ b: [UInt8]) throws(Failure) {
            let n = b.withUnsafeBytes { fwrite($0.baseAddress!, 1, b.count, f) }
            if n != b.count { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
            bytes += b.count
        }
        var head = header
        if crlf { head.insert(0x0D, at: head.count - 1) }
        try put(gb18030 ? Self.gb18030(head) : head)
        var start = 0
        while start < chunks {
            let batch = min(workers, chunks - start)
            let results = Mutex<[Int: ([UInt8], Int, Int)]>([:])
            let first = start
            DispatchQueue.concurrentPerform(iterations: batch) { k in
                let c = first + k
                var rng = Random(seed: seed, stream: stream, index: c)
                var nr = nonRoster * (c + 1) / chunks - nonRoster * c / chunks
                let rosterFrom = roster.count * c / chunks, rosterTo = roster.count * (c + 1) / chunks
                var r = rosterFrom
                var buf: [UInt8] = []
                buf.reserveCapacity((nr + rosterTo - rosterFrom) * 90)
                var n = 0, badRows = 0
                while nr > 0 || r < rosterTo {
                    let left = rosterTo - r
                    if left > 0 && rng.int(left + nr) < left {
                        buf.append(contentsOf: roster.row(r))
                        r += 1
                    } else {
                        let at = buf.count
                        if other(&rng, &buf) { badRows += 1 } else if rng.chance(duplicateRate) {
                            buf.append(contentsOf: Array(buf[at...]))
                            n += 1
                        }
                        nr -= 1
                    }
                    n += 1
                }
                if crlf {
                    var out: [UInt8] = []
                    out.reserveCapacity(buf.count + n + 16)
                    for b in buf {
                        if b == 0x0A { out.append(0x0D) }
                        out.append(b)
                    }
                    buf = out
                }
                if gb18030 { buf = Self.gb18030(buf) }
                results.withLock { $0[c] = (buf, n, badRows) }
            }
            let done = results.withLock { $0 }
            for c in first..<(first + batch) {
                let (buf, n, b) = done[c]!
                try put(buf)
                rows += n
                bad += b
            }
            start += batch
        }
        return GeneratedFile(path: path, rows: rows, bytes: bytes, badRows: bad + roster.badRows)
    }
}
