/// Bounds on one record of an export, so that a file without line ends (or with a quote that is
/// never closed) cannot take the memory or fill the rejects file.
///
/// A record over ``recordBytes`` is rejected with its line; the rejects file gets its first
/// ``excerptBytes`` bytes, marked as cut, and reading resumes after the next line end without
/// keeping the rest in memory.
public enum RecordLimits {
    /// A quoted CSV field still open after this many bytes is taken for an unterminated quote.
    public static let quotedFieldBytes = 4 << 20
    /// A CSV record or a JSON Lines line longer than this is rejected (16 MiB).
    public static let recordBytes = 16 << 20
    /// How much of an over-long record is kept for the rejects file.
    public static let excerptBytes = 1024

    /// The reject reason for a record longer than `limit` bytes.
    static func overlongReason(limit: Int) -> String {
        "记录超过 \(limit) 字节仍未结束（缺少换行，或引号未闭合？）；已跳到下一个换行处继续读取"
    }

    /// The first `excerptBytes` of `bytes` (never cutting a character), then a mark saying the
    /// record on `line` was cut: the mark also keeps two different cut records from being taken
    /// for duplicates of each other.
    static func excerpt(_ bytes: ArraySlice<UInt8>, line: Int) -> [UInt8] {
        var cut = min(bytes.count, excerptBytes)
        while cut > 0 && cut < bytes.count && bytes[bytes.startIndex + cut] & 0xC0 == 0x80 { cut -= 1 }
        return Array(bytes.prefix(cut)) + Array("…［第 \(line) 行的记录过长，已截断，只保留前 \(cut) 字节］".utf8)
    }
}
