@testable import ConnectorKit
import Testing

/// Line breaks are counted eight bytes at a time; the count equals a plain one.
struct LineCountTests {
    @Test func countsEqualAPlainCountForAnyBytesAndSlices() {
        var seed: UInt64 = 42
        var bytes: [UInt8] = []
        for _ in 0..<5000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let r = UInt8(truncatingIfNeeded: seed >> 56)
            // plenty of line breaks, bytes next to them (0x09, 0x0B, 0x0A | 0x80) and high bytes
            bytes.append([0x0A, 0x0B, 0x09, 0x8A, 0x00, 0xFF, r][Int(r) % 7])
        }
        for start in [0, 1, 3, 7, 8, 13] {
            for end in [start, start + 1, start + 9, start + 64, 4999, 5000] where end <= bytes.count {
                let slice = bytes[start..<end]
                #expect(TextChunkReader.countLineBreaks(slice) == slice.filter { $0 == 0x0A }.count, "\(start)..<\(end)")
            }
        }
    }
}
