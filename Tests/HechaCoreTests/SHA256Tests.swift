import HechaCore
import Testing

/// The standard test vectors of FIPS 180-4 (and the NIST examples), plus block-edge lengths
/// checked against `sha256sum`.
struct SHA256Tests {
    @Test func standardVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8))
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func oneMillionAs() {
        var h = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { h.update(chunk) }
        #expect(h.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the 55/56/64-byte padding edges, fed whole and in uneven pieces.
    @Test func blockEdgesAndPieces() {
        let expected = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
        ]
        for (n, digest) in expected {
            let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: n)
            #expect(SHA256.hex(bytes) == digest, "\(n) bytes")
            var h = SHA256()
            h.update(bytes[0..<7])
            h.update(bytes[7..<n])
            #expect(h.hexDigest() == digest, "\(n) bytes in two pieces")
        }
    }

    /// Messages whose last block has no room for the length (55–65 and 119–128 bytes), fed whole
    /// and one byte at a time (digests from `sha256sum`).
    @Test func paddingAtEveryBlockBoundary() {
        let cases: [(Int, String)] = [
            (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6"),
            (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
            (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
            (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
            (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
            (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
            (127, "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a"),
            (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
        ]
        for (n, expected) in cases {
            let message = [UInt8](repeating: UInt8(ascii: "a"), count: n)
            #expect(SHA256.hex(message) == expected, "\(n) bytes")
            var streamed = SHA256()
            for b in message { streamed.update([b]) }
            #expect(streamed.hexDigest() == expected, "\(n) bytes, one at a time")
        }
    }

    /// Pseudo-random messages (up to four blocks, and longer ones) fed in uneven pieces give the
    /// digest of the whole; the long ones are checked against Python's `hashlib.sha256`.
    @Test func piecesOfPseudoRandomMessages() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes: [UInt8] = []
        for _ in 0..<100_003 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(UInt8(truncatingIfNeeded: seed >> 33))
        }
        let known = [
            4096: "f2fcfc939175330150872a4290440eb73a6cd83cd213ddc4cd1d1b8a6b9370f5",
            65_536 + 57: "10b814fb010f38d582ab698a5312f2ab3a150dc3bdc21ccb520aeac9d12e57ce",
            100_003: "84c8da407a0b695f9803d14bbef8ed3724e160a648bc6274743d14ab2048f48f",
        ]
        for n in Array(0...260) + [4096, 65_536 + 57, 100_003] {
            var pieces = SHA256()
            var i = 0, step = 1
            while i < n {
                let j = min(n, i + step)
                bytes[i..<j].withUnsafeBytes { pieces.update($0) }
                i = j
                step = step * 3 % 1000 + 1
            }
            let whole = SHA256.hex(bytes[0..<n])
            #expect(pieces.hexDigest() == whole, "\(n) bytes")
            if let digest = known[n] { #expect(whole == digest, "\(n) bytes") }
        }
    }

    /// The digest can be taken midway and the message continued.
    @Test func digestMidwayThenContinue() {
        var h = SHA256()
        h.update(Array("ab".utf8))
        #expect(h.hexDigest() == "fb8e20fc2e4c3f248c60c39bd652f3c1347298bb977b8b4d5903b85055620603")
        h.update(Array("c".utf8))
        #expect(h.digest().count == 32)
        #expect(h.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
