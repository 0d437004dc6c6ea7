@testable import ConnectorKit
import HechaCore
import Testing

/// The UTF-8 check of each chunk (SIMD first, byte by byte after a cut character or a problem):
/// characters cut by every chunk size, and the line of a bad byte after many chunks.
struct ChunkedUTF8CheckTests {
    /// Lines of ASCII, Chinese, 2- and 4-byte characters, so that chunk ends cut every kind.
    static let text: [UInt8] = Array((0..<400).map { "第\($0)行,é,𠀀,\($0 % 7 == 0 ? "中文字段" : "abc")\n" }.joined().utf8)

    static func chunks(_ bytes: [UInt8], size: Int) throws(Diagnostic) -> [UInt8] {
        let reader = try TextChunkReader(bytes: bytes, displayPath: "t.csv", encoding: .utf8, chunkSize: size)
        var all: [UInt8] = []
        while let chunk = try reader.next() { all += chunk }
        return all
    }

    @Test func validTextComesThroughWholeAtEveryChunkSize() throws {
        for size in [1, 2, 3, 5, 63, 64, 65, 127, 1000, 1 << 20] {
            #expect(try Self.chunks(Self.text, size: size) == Self.text, "chunk size \(size)")
        }
    }

    @Test(arguments: [Array<UInt8>([0xFF]), [0xE4, 0xB8, 0x41], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]])
    func aBadByteIsReportedOnItsLineAtEveryChunkSize(bad: [UInt8]) throws {
        // the bad bytes go on line 301, after 300 good lines
        let lines = Self.text.split(separator: 0x0A, omittingEmptySubsequences: false)
        let bytes = Array(lines[0..<300].joined(separator: [0x0A])) + [0x0A] + Array("x,".utf8) + bad + Array(",y\n".utf8)
        for size in [1, 3, 64, 100, 4096, 1 << 20] {
            do {
                _ = try Self.chunks(bytes, size: size)
                Issue.record("chunk size \(size): no error for \(bad)")
            } catch {
                #expect(error.location?.line == 301, "chunk size \(size): \(error)")
            }
        }
    }

    @Test func aCharacterCutByTheEndOfTheFileIsAnError() throws {
        for size in [1, 2, 64, 1 << 20] {
            #expect(throws: Diagnostic.self, "chunk size \(size)") { try Self.chunks(Self.text + [0xE4, 0xB8], size: size) }
        }
    }
}
